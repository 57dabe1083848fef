import { Decimal } from 'decimal.js';
import { employeeMedical } from '../../calc/employee-medical.js';
import { flexibleMedical } from '../../calc/flexible-medical.js';
import { formatMoney, formatPct } from '../../calc/money.js';
import { residentMedical } from '../../calc/resident-medical.js';
import type { Slots } from '../../nlu/slot-schema.js';
import {
  employeeMedicalRates,
  flexibleMedical as flexibleMedicalPolicy,
  largeMedicalSupplement,
  pensionBase,
  pensionBaseBand,
  residentMedical as residentMedicalPolicy,
  specialGroupSubsidy,
  type Policies,
} from '../../policies/index.js';
import type { CalcContext, CalcReply, OwnCost } from '../answerer.js';
import { answerKind } from './contribution-kind.js';
import { caveats, citeSources, placeName, policyYear, regionCode } from './common.js';

function employee(p: Policies, slots: Slots, year: number, own: OwnCost): string {
  const code = regionCode(slots);
  const rates = employeeMedicalRates(p, code, year);
  if (!rates?.value.individualPct || rates.value.employerPct === undefined) {
    return '没有找到可用的职工医保费率数据。';
  }
  const band = code === 'national' ? undefined : pensionBase(p, code, year);
  const fee = code === 'national' ? undefined : largeMedicalSupplement(p, code, year);
  // the average wage the person named bands the base as the region's figures would (60%–300%)
  const pct = slots.averageWage !== undefined ? pensionBaseBand(p, code, year) : undefined;
  const ofAverage = (x: number) =>
    new Decimal(slots.averageWage!).times(x).dividedBy(100).toDecimalPlaces(2).toString();
  const floor = pct ? ofAverage(pct.value.minPctOfAverage) : band?.value.floor;
  const cap = pct ? ofAverage(pct.value.maxPctOfAverage) : band?.value.cap;
  const income = slots.contributionBase ?? slots.monthlyIncome;
  const lines: string[] = [];
  if (!income) {
    if (floor === undefined || cap === undefined) {
      return [
        `职工医保按月缴费：个人缴纳缴费基数的${formatPct(rates.value.individualPct)}，单位缴纳约${formatPct(rates.value.employerPct)}（${rates.region.name}标准）。`,
        '告诉我你的月收入和城市，我可以算出具体金额。',
        citeSources(rates),
        ...caveats(rates),
      ].join('\n');
    }
  }
  const result = employeeMedical({
    income: income ?? floor!,
    band:
      floor !== undefined && cap !== undefined ? { floor, cap } : { floor: income!, cap: income! },
    individualPct: rates.value.individualPct,
    employerPct: rates.value.employerPct,
    largeAmountFeeMonthly: fee && fee.value.payer === 'individual' ? fee.value.monthly : undefined,
  });
  const base = formatMoney(result.base.base);
  lines.push(`职工医保（单位上班）每月缴费，按${placeName(slots)}${year}年标准估算：`);
  if (!income) lines.push(`（没有你的收入，按缴费基数下限${formatMoney(floor!)}元计算）`);
  const adjust =
    result.base.adjustment === 'raised_to_floor'
      ? `，月收入${formatMoney(income!)}元低于下限，按下限计`
      : result.base.adjustment === 'cut_to_cap'
        ? `，月收入${formatMoney(income!)}元高于上限，按上限计`
        : '';
  const range =
    floor !== undefined && cap !== undefined
      ? `（缴费基数上下限${formatMoney(floor)}–${formatMoney(cap)}元${pct ? `，按你提供的社平工资${formatMoney(slots.averageWage!)}元的${pct.value.minPctOfAverage}%–${pct.value.maxPctOfAverage}%` : ''}${adjust}）`
      : '（未提供城市，未按当地缴费基数上下限调整）';
  lines.push(`· 缴费基数：${base}元${range}`);
  own.value = result.individualTotal;
  lines.push(
    `· 个人缴纳：${base} × ${formatPct(rates.value.individualPct)} = ${formatMoney(result.individual.monthly)}元/月（全年${formatMoney(result.individual.yearly)}元），从工资中代扣`,
  );
  if (!result.largeAmountFee.monthly.isZero()) {
    lines.push(
      `· ${fee!.value.label}：${formatMoney(result.largeAmountFee.monthly)}元/月（个人），个人每月合计${formatMoney(result.individualTotal.monthly)}元`,
    );
  }
  lines.push(
    `· 单位缴纳：${base} × ${formatPct(rates.value.employerPct)} = ${formatMoney(result.employer.monthly)}元/月（全年${formatMoney(result.employer.yearly)}元）`,
  );
  lines.push(
    `· 合计：${formatMoney(result.total.monthly)}元/月，全年${formatMoney(result.total.yearly)}元`,
  );
  if (rates.region.code === 'national') {
    lines.push('说明：单位费率为全国框架参考值，各地实际多在6%–10%之间，以当地为准。');
  }
  const banded = pct ?? band;
  lines.push(citeSources(rates, banded, fee), ...caveats(rates, banded, fee));
  return lines.join('\n');
}

function flexible(p: Policies, slots: Slots, year: number, own: OwnCost): string {
  const entry = flexibleMedicalPolicy(p, regionCode(slots), year);
  if (!entry) return '没有找到你所在地区灵活就业医保的缴费标准。';
  const e = entry.value;
  const lines = [
    `灵活就业人员参加职工医保，按${entry.region.name}${entry.year ?? year}年标准估算：`,
  ];
  if (e.fixedMonthly !== undefined) {
    const r = flexibleMedical({ kind: 'fixed-monthly', monthly: e.fixedMonthly });
    own.value = r.total;
    lines.push(
      `· 每月固定缴纳${formatMoney(r.total.monthly)}元，全年${formatMoney(r.total.yearly)}元`,
    );
  } else if (e.fixedAnnual !== undefined) {
    const r = flexibleMedical({ kind: 'fixed-yearly', yearly: e.fixedAnnual });
    own.value = r.total;
    lines.push(`· 每年${formatMoney(r.total.yearly)}元，约合每月${formatMoney(r.total.monthly)}元`);
  } else if (e.ratePct !== undefined) {
    // no base named or published: the region's lowest pension base, the usual lowest choice
    const floor = pensionBase(p, regionCode(slots), year);
    const assumed = floor?.value.floor;
    const chosen = slots.contributionBase ?? e.base?.monthly ?? e.base?.minMonthly ?? assumed;
    if (chosen === undefined) {
      lines.push(
        `· 费率${formatPct(e.ratePct)}，乘以你选择的缴费基数；告诉我缴费基数就能算出金额。`,
      );
    } else {
      const band =
        e.base?.minMonthly !== undefined && e.base?.maxMonthly !== undefined
          ? { floor: e.base.minMonthly, cap: e.base.maxMonthly }
          : undefined;
      const r = flexibleMedical({
        kind: 'rate',
        base: chosen,
        ratePct: e.ratePct,
        largeAmountFeeMonthly: e.largeMedicalMonthly,
        band,
      });
      own.value = r.total;
      const base = formatMoney(r.base!);
      const origin = slots.contributionBase
        ? ''
        : e.base?.monthly !== undefined || e.base?.minMonthly !== undefined
          ? '（当地公布的基数）'
          : `（你没说基数，按${floor!.region.name}${floor!.year ?? ''}年最低缴费基数估算，可选更高）`;
      lines.push(`· 缴费基数：${base}元/月${origin}`);
      lines.push(
        `· 医保费：${base} × ${formatPct(e.ratePct)} = ${formatMoney(r.premium.monthly)}元/月`,
      );
      if (!r.largeAmountFee.monthly.isZero()) {
        lines.push(`· 大额医疗补助：${formatMoney(r.largeAmountFee.monthly)}元/月`);
      }
      lines.push(
        `· 合计：${formatMoney(r.total.monthly)}元/月，全年${formatMoney(r.total.yearly)}元`,
      );
    }
  } else if (e.ratePctRange) {
    lines.push(
      `· 没有找到当地的具体费率。各地一般按缴费基数的${e.ratePctRange.min}%–${e.ratePctRange.max}%缴纳，以当地医保局公布为准。`,
    );
  }
  lines.push(citeSources(entry), ...caveats(entry));
  return lines.join('\n');
}

function resident(p: Policies, slots: Slots, year: number): string {
  const code = regionCode(slots);
  const entry = residentMedicalPolicy(p, code, year);
  if (!entry || entry.value.individual === undefined) {
    return '没有找到你所在地区城乡居民医保的个人缴费标准。';
  }
  const group = slots.specialGroup;
  const subsidyEntry = group ? specialGroupSubsidy(p, code, group, year) : undefined;
  const s = subsidyEntry?.value;
  const subsidy =
    s?.kind === 'full'
      ? ({ kind: 'full' } as const)
      : s?.kind === 'fixed' && s.subsidyAmount !== undefined
        ? ({ kind: 'fixed', amount: s.subsidyAmount } as const)
        : s?.kind === 'share' && s.minSharePct !== undefined
          ? ({ kind: 'ratio', pct: s.minSharePct } as const)
          : ({ kind: 'none' } as const);
  const r = residentMedical({
    individualAnnual: entry.value.individual,
    subsidy,
    fiscalSubsidyAnnual: entry.value.subsidy,
  });
  const lines = [
    `城乡居民医保按年缴费，${entry.region.name}${entry.year ?? year}年度：`,
    `· 个人缴费：${entry.value.minimum ? '不低于' : ''}${formatMoney(r.contribution)}元/年`,
  ];
  if (entry.value.subsidy !== undefined) {
    lines.push(
      `· 财政补助：${entry.value.minimum ? '不低于' : ''}${formatMoney(entry.value.subsidy)}元/人/年（不用你交）`,
    );
  }
  if (group && s && subsidy.kind === 'none') {
    // an amount set locally and unknown to us is never 0
    lines.push(`· 你属于${s.groupLabel}：可享受参保资助，资助金额由当地确定，以当地医保局为准。`);
  } else if (group && s) {
    lines.push(
      `· 你属于${s.groupLabel}：资助${formatMoney(r.subsidy)}元，个人实际缴纳${formatMoney(r.payable)}元/年`,
    );
  } else if (group) {
    lines.push('· 特殊困难群体可享受参保资助，具体金额以当地医保局为准。');
  }
  if (entry.value.minimum) lines.push('说明：这是国家规定的最低标准，各地实际标准可能更高。');
  lines.push(citeSources(entry, subsidyEntry), ...caveats(entry, subsidyEntry));
  return lines.join('\n');
}

/** How much medical insurance costs the person: employee, flexible-employment or resident. */
export function medicalContribution(p: Policies, { slots, now, scheme }: CalcContext): CalcReply {
  const year = policyYear(slots, now);
  const kind = answerKind(slots, scheme, 'medical');
  const own: OwnCost = {};
  const text =
    kind === 'flexible'
      ? flexible(p, slots, year, own)
      : kind === 'resident'
        ? resident(p, slots, year)
        : kind === 'retiree'
          ? '职工医保退休人员达到当地规定的缴费年限后，退休后不再缴纳基本医疗保险费；参加城乡居民医保的退休（老年）居民仍按年缴纳居民医保费。'
          : employee(p, slots, year, own);
  return { text, bureau: 'medical', ...(own.value ? { own: own.value } : {}) };
}
