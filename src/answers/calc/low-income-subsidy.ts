import {
  CalcInputError,
  formatMoney,
  formatPct,
  residentMedical as residentMedicalCalc,
  type ResidentSubsidy,
} from '../../calc/index.js';
import type { Slots } from '../../nlu/slot-schema.js';
import {
  residentMedical,
  specialGroupSubsidy,
  type Policies,
  type Resolved,
  type SpecialGroupSubsidyEntry,
  type SubsidyGroup,
} from '../../policies/index.js';
import type { CalcContext, CalcReply } from '../answerer.js';
import { caveats, citeSources, placeName, policyYear, regionCode } from './common.js';

const GROUP_NAME: Record<NonNullable<Slots['specialGroup']>, string> = {
  tekun: '特困人员',
  dibao: '低保对象',
  dibao_edge: '低保边缘人员',
  disabled: '重度残疾人',
  poverty: '脱贫/返贫致贫人口',
};

function toSubsidy(s: SpecialGroupSubsidyEntry): ResidentSubsidy | undefined {
  if (s.kind === 'full') return { kind: 'full' };
  if (s.kind === 'fixed' && s.subsidyAmount !== undefined) {
    return { kind: 'fixed', amount: s.subsidyAmount };
  }
  if (s.kind === 'share' && s.minSharePct !== undefined)
    return { kind: 'ratio', pct: s.minSharePct };
  return undefined;
}

function kindText(s: SpecialGroupSubsidyEntry): string {
  if (s.kind === 'full') return '个人缴费部分全额资助';
  if (s.kind === 'fixed') {
    return s.subsidyAmount !== undefined
      ? `定额资助${formatMoney(s.subsidyAmount)}元/年`
      : '定额资助（金额由当地确定）';
  }
  return s.minSharePct !== undefined
    ? `按不低于个人缴费的${formatPct(s.minSharePct)}资助`
    : '按比例资助（比例由当地确定）';
}

function nationalRules(p: Policies, year: number): { lines: string[]; cited: Resolved<unknown>[] } {
  const groups: SubsidyGroup[] = ['tekun', 'dibao', 'poverty'];
  const lines = ['国家规定（困难群众参加城乡居民医保）：'];
  const cited: Resolved<unknown>[] = [];
  for (const g of groups) {
    const e = specialGroupSubsidy(p, 'national', g, year);
    if (!e) continue;
    cited.push(e);
    lines.push(`· ${e.value.groupLabel}：${kindText(e.value)}`);
  }
  const aid = cited
    .map((e) => (e as Resolved<SpecialGroupSubsidyEntry>).value.medicalAidMinPct)
    .find((v) => v !== undefined);
  if (aid !== undefined) {
    lines.push(
      `· 低保、特困人员看病：医疗救助对政策范围内自付费用的救助比例不低于${formatPct(aid)}`,
    );
  }
  return { lines, cited };
}

/** What a low-income person pays for resident medical insurance after the subsidy. */
export function lowIncomeSubsidy(p: Policies, { slots, now }: CalcContext): CalcReply {
  try {
    return { text: build(p, slots, now), bureau: 'medical' };
  } catch (e) {
    if (!(e instanceof CalcInputError)) throw e;
    return { text: '暂时无法计算资助后的缴费金额，请向当地医保局咨询。', bureau: 'medical' };
  }
}

function build(p: Policies, slots: Slots, now: Date): string {
  const year = policyYear(slots, now);
  const code = regionCode(slots);
  const national = nationalRules(p, year);
  const group = slots.specialGroup;
  if (!group) {
    return [
      ...national.lines,
      '· 低保边缘人员、重度残疾人、脱贫人口等，各省另有资助办法',
      '告诉我你属于哪一类（如低保、特困、低保边缘、重度残疾、脱贫户）和所在城市，我可以算出你每年要交多少。',
      citeSources(...national.cited),
      ...caveats(...national.cited),
    ].join('\n');
  }
  const lines: string[] = [];
  const entry = specialGroupSubsidy(p, code, group, year);
  const premium = residentMedical(p, code, year);
  const cited: (Resolved<unknown> | undefined)[] = [entry, premium];
  const individual = premium?.value.individual;
  if (entry && premium && individual !== undefined) {
    const s = toSubsidy(entry.value);
    lines.push(
      `${GROUP_NAME[group]}参加城乡居民医保，按${entry.region.name}资助办法、${premium.region.name}${premium.year ?? year}年缴费标准：`,
    );
    lines.push(
      `· 个人缴费标准：${premium.value.minimum ? '不低于' : ''}${formatMoney(individual)}元/年`,
    );
    lines.push(`· 资助办法（${entry.value.groupLabel}）：${kindText(entry.value)}`);
    if (s) {
      const r = residentMedicalCalc({ individualAnnual: individual, subsidy: s });
      const formula =
        s.kind === 'full'
          ? `${formatMoney(r.contribution)} − ${formatMoney(r.subsidy)}（全额资助）`
          : `${formatMoney(r.contribution)} − ${formatMoney(r.subsidy)}`;
      lines.push(`· 个人实际缴纳：${formula} = ${formatMoney(r.payable)}元/年`);
      if (
        entry.value.individualPays !== undefined &&
        !r.payable.equals(entry.value.individualPays)
      ) {
        lines.push(
          `  注意：资料中写的个人缴费是${formatMoney(entry.value.individualPays)}元，与按${formatMoney(individual)}元标准算出的数不同，可能是往年标准，请以当地为准。`,
        );
      }
    } else {
      lines.push('· 资助金额由当地确定，没有找到具体数字，算不出你实际要交多少。');
    }
    if (entry.value.medicalAidMinPct !== undefined) {
      lines.push(
        `· 看病时还有医疗救助：政策范围内自付费用救助比例不低于${formatPct(entry.value.medicalAidMinPct)}`,
      );
    }
    if (premium.value.minimum) {
      lines.push('说明：缴费标准是国家最低标准，各地实际可能更高。');
    }
  } else {
    lines.push(
      `没有找到${placeName(slots)}对${GROUP_NAME[group]}的参保资助标准${individual === undefined ? '和居民医保缴费标准' : ''}，以下是国家规定：`,
    );
  }
  lines.push(...national.lines);
  cited.push(...national.cited);
  lines.push(citeSources(...cited), ...caveats(...cited));
  return lines.join('\n');
}
