import {
  CalcInputError,
  formatMoney,
  formatPct,
  reimbursement as reimburse,
} from '../../calc/index.js';
import type { Slots } from '../../nlu/slot-schema.js';
import {
  reimbursement as reimbursementPolicy,
  resolveEntry,
  type InpatientEntry,
  type MedicalScheme,
  type Policies,
  type Resolved,
} from '../../policies/index.js';
import type { CalcContext, CalcReply } from '../answerer.js';
import { caveats, citeSources, placeName, policyYear, regionCode } from './common.js';

const EMPLOYEE_EMPLOYMENTS = new Set(['employee', 'flexible', 'retiree']);
const LEVEL_NAME = { 1: '一级（社区/乡镇）', 2: '二级', 3: '三级' } as const;
const SCHEME_NAME: Record<MedicalScheme, string> = {
  employee: '职工医保',
  resident: '城乡居民医保',
};

type Level = 1 | 2 | 3;

function schemeOf(slots: Slots, named?: MedicalScheme): { scheme: MedicalScheme; note?: string } {
  if (named) return { scheme: named };
  if (slots.employment === undefined) {
    return { scheme: 'resident', note: '（你没说参加的是哪种医保，先按城乡居民医保估算）' };
  }
  return { scheme: EMPLOYEE_EMPLOYMENTS.has(slots.employment) ? 'employee' : 'resident' };
}

/** The national (or nearest) typical ratio range for a scheme, for regions without a table. */
function rangeEntry(
  p: Policies,
  code: string,
  year: number,
  scheme: MedicalScheme,
): Resolved<InpatientEntry> | undefined {
  return resolveEntry(
    p.reimbursement.inpatient,
    code,
    year,
    (e) => e.scheme === scheme && e.population === undefined && e.ratioPctRange !== undefined,
  );
}

/** An estimate of an inpatient bill's reimbursement from the region's table, or a rough range. */
export function reimbursement(p: Policies, { slots, now, scheme }: CalcContext): CalcReply {
  try {
    return { text: build(p, slots, now, scheme), bureau: 'medical' };
  } catch (e) {
    if (!(e instanceof CalcInputError)) throw e;
    return {
      text: '住院费用的金额好像有问题，请再告诉我一次，比如“住院花了3万”。',
      bureau: 'medical',
    };
  }
}

function build(p: Policies, slots: Slots, now: Date, named?: MedicalScheme): string {
  const year = policyYear(slots, now);
  const code = regionCode(slots);
  const { scheme, note } = schemeOf(slots, named);
  const policy = reimbursementPolicy(p, code, year, scheme);
  const inpatient = policy.inpatient;
  const retired = slots.employment === 'retiree';
  const bill = slots.medicalCost;
  const levels: Level[] = slots.hospitalLevel ? [slots.hospitalLevel] : [1, 2, 3];
  const lines: string[] = [];
  if (note) lines.push(note);

  const table = inpatient?.value.levels;
  const full = (l: Level) => {
    const row = table?.[String(l) as '1' | '2' | '3'];
    return row?.deductible !== undefined && row.ratioPct !== undefined ? row : undefined;
  };

  if (inpatient && table && levels.every((l) => full(l))) {
    const where = `${inpatient.region.name}${SCHEME_NAME[scheme]}住院报销`;
    lines.push(`${where}（政策范围内费用）：`);
    const pooledCap = inpatient.value.cap?.pooledFund;
    for (const l of levels) {
      const row = full(l)!;
      if (bill === undefined) {
        lines.push(
          `· ${LEVEL_NAME[l]}医院：起付线${formatMoney(row.deductible!)}元，起付线以上报销${formatPct(row.ratioPct!)}`,
        );
        continue;
      }
      const r = reimburse({
        bill,
        rule: {
          deductible: row.deductible!,
          ratioPct: row.ratioPct!,
          ...(pooledCap !== undefined ? { annualCap: pooledCap } : {}),
        },
        retired,
      });
      lines.push(
        `· ${LEVEL_NAME[l]}医院：(${formatMoney(r.bill)} − 起付线${formatMoney(r.deductible)}) × ${formatPct(r.ratioPct)} = 报销约${formatMoney(r.reimbursed)}元，自付约${formatMoney(r.outOfPocket)}元`,
      );
      if (r.capApplied) {
        lines.push(
          `  （统筹基金年度最高支付${formatMoney(pooledCap!)}元，超出部分按大病保险规定另行报销，这里未计入）`,
        );
      }
    }
    if (pooledCap !== undefined) {
      const c = inpatient.value.cap!;
      lines.push(
        `· 年度封顶：统筹基金${formatMoney(pooledCap)}元${c.seriousIllness !== undefined ? `，大病保险${formatMoney(c.seriousIllness)}元` : ''}`,
      );
    }
    if (bill === undefined) {
      lines.push('告诉我住院总费用（和医院等级），我可以算出大约能报多少。');
    } else {
      lines.push(
        '说明：按全部费用都在医保政策范围内估算；自费药品、材料等不在范围内的部分需要自己付，实际报销会更少。',
      );
    }
    if (retired) {
      lines.push('退休人员在不少地区报销比例更高，当地住院的退休人员比例没有收录，上面未计入。');
    }
    lines.push(citeSources(inpatient), ...caveats(inpatient));
    return lines.join('\n');
  }

  // No table: a rough range from typical ratios; never an invented table.
  const range = inpatient?.value.ratioPctRange ? inpatient : rangeEntry(p, code, year, scheme);
  const rr = range?.value.ratioPctRange;
  const cited = [inpatient, range].filter((r, i, a) => r && a.indexOf(r) === i);
  lines.push(
    `没有找到${placeName(slots)}${SCHEME_NAME[scheme]}住院报销的具体标准（起付线、报销比例），只能给一个粗略范围：`,
  );
  if (inpatient?.value.levels && inpatient !== range) {
    for (const l of levels) {
      const d = inpatient.value.levels[String(l) as '1' | '2' | '3']?.deductible;
      if (d !== undefined)
        lines.push(`· 已知${LEVEL_NAME[l]}医院起付线${formatMoney(d)}元（报销比例未找到）`);
    }
  }
  if (!rr) {
    lines.push('· 也没有找到可用的典型报销比例，请向当地医保局咨询。');
    lines.push(citeSources(...cited), ...caveats(...cited));
    return lines.join('\n');
  }
  lines.push(
    `· ${range!.region.name}${SCHEME_NAME[scheme]}住院报销比例一般在${formatPct(rr.min)}–${formatPct(rr.max)}之间（参考值，不是当地规定）`,
  );
  if (bill !== undefined) {
    const low = reimburse({ bill, rule: { deductible: 0, ratioPct: rr.min } });
    const high = reimburse({ bill, rule: { deductible: 0, ratioPct: rr.max } });
    lines.push(
      `· 按${formatPct(rr.min)}：${formatMoney(low.bill)} × ${formatPct(rr.min)} = ${formatMoney(low.reimbursed)}元`,
      `· 按${formatPct(rr.max)}：${formatMoney(high.bill)} × ${formatPct(rr.max)} = ${formatMoney(high.reimbursed)}元`,
      `· 粗略估计能报销${formatMoney(low.reimbursed)}–${formatMoney(high.reimbursed)}元，自付${formatMoney(high.outOfPocket)}–${formatMoney(low.outOfPocket)}元`,
      '这只是粗略范围：起付线不知道（未扣除），而且按全部费用都在医保范围内估算，实际报销通常更少。',
    );
  } else {
    lines.push('告诉我住院总费用，我可以给出一个大概范围。');
  }
  lines.push(citeSources(...cited), ...caveats(...cited));
  return lines.join('\n');
}
