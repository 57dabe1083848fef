import {
  CalcInputError,
  compareMedical as compare,
  flexibleMedical as flexibleMedicalCalc,
  formatMoney,
  formatPct,
  type FlexibleMedicalInput,
} from '../../calc/index.js';
import type { Slots } from '../../nlu/slot-schema.js';
import {
  flexibleMedical,
  resolveEntry,
  residentMedical,
  type FlexibleMedicalEntry,
  type MedicalScheme,
  type Policies,
  type Resolved,
} from '../../policies/index.js';
import type { CalcContext, CalcReply } from '../answerer.js';
import { caveats, citeSources, placeName, policyYear, regionCode } from './common.js';

const GENERAL = [
  '职工医保（灵活就业身份参保）和城乡居民医保的主要区别：',
  '· 缴费：职工医保按月交，按缴费基数的一定比例，一年通常几千元；居民医保按年交，一年几百元，另有财政补助',
  '· 待遇：职工医保住院报销比例一般更高，很多地方有个人账户；居民医保报销比例一般低一些',
  '· 退休后：职工医保缴满当地规定年限，退休后不用再交；居民医保要一直按年交',
];

function flexibleInput(e: FlexibleMedicalEntry, slots: Slots): FlexibleMedicalInput | undefined {
  if (e.fixedMonthly !== undefined) return { kind: 'fixed-monthly', monthly: e.fixedMonthly };
  if (e.fixedAnnual !== undefined) return { kind: 'fixed-yearly', yearly: e.fixedAnnual };
  const base = slots.contributionBase ?? e.base?.monthly ?? e.base?.minMonthly;
  if (e.ratePct === undefined || base === undefined) return undefined;
  const input: FlexibleMedicalInput = { kind: 'rate', base, ratePct: e.ratePct };
  if (e.largeMedicalMonthly !== undefined) input.largeAmountFeeMonthly = e.largeMedicalMonthly;
  if (e.base?.minMonthly !== undefined && e.base.maxMonthly !== undefined) {
    input.band = { floor: e.base.minMonthly, cap: e.base.maxMonthly };
  }
  return input;
}

function ratioRange(p: Policies, code: string, year: number, scheme: MedicalScheme) {
  return resolveEntry(
    p.reimbursement.inpatient,
    code,
    year,
    (e) => e.scheme === scheme && e.population === undefined && e.ratioPctRange !== undefined,
  );
}

/** Yearly cost of flexible-employee vs resident medical insurance for this person. No advice. */
export function compareMedicalTypes(p: Policies, { slots, now }: CalcContext): CalcReply {
  try {
    return { text: build(p, slots, now), bureau: 'medical' };
  } catch (e) {
    if (!(e instanceof CalcInputError)) throw e;
    return {
      text: [...GENERAL, '告诉我你的城市，我可以算出两种医保每年各交多少。'].join('\n'),
      bureau: 'medical',
    };
  }
}

function build(p: Policies, slots: Slots, now: Date): string {
  const year = policyYear(slots, now);
  const code = regionCode(slots);
  const empRange = ratioRange(p, code, year, 'employee');
  const resRange = ratioRange(p, code, year, 'resident');
  const ranges: string[] = [];
  if (empRange?.value.ratioPctRange && resRange?.value.ratioPctRange) {
    const e = empRange.value.ratioPctRange;
    const r = resRange.value.ratioPctRange;
    ranges.push(
      `· 住院报销比例（${empRange.region.name}典型值，仅供参考）：职工医保约${formatPct(e.min)}–${formatPct(e.max)}，居民医保约${formatPct(r.min)}–${formatPct(r.max)}`,
    );
  }
  if (!slots.region) {
    return [
      ...GENERAL,
      ...ranges,
      '两种各有长短，选哪种要看你的收入、年龄和身体情况。告诉我你的城市（以及年龄、收入），我可以算出两种医保每年各交多少。',
      citeSources(empRange, resRange),
      ...caveats(empRange, resRange),
    ].join('\n');
  }
  const flex = flexibleMedical(p, code, year);
  const res = residentMedical(p, code, year);
  const cited: (Resolved<unknown> | undefined)[] = [flex, res, empRange, resRange];
  const flexIn = flex ? flexibleInput(flex.value, slots) : undefined;
  const byGroup = res?.value.individualByGroup;
  const groupLabel =
    res?.value.individual !== undefined || !byGroup
      ? ''
      : slots.employment === 'student'
        ? '，学生儿童'
        : slots.age !== undefined && slots.age >= 60
          ? '，老年人'
          : '，劳动年龄内居民';
  const individual =
    res?.value.individual ??
    (slots.employment === 'student'
      ? byGroup?.student
      : slots.age !== undefined && slots.age >= 60
        ? byGroup?.elderly
        : byGroup?.workingAge);
  const lines = [`${placeName(slots)}${year}年两种医保的费用对比（估算）：`];
  if (flex && flexIn && individual !== undefined) {
    const r = compare({ flexibleEmployee: flexIn, resident: { individualAnnual: individual } });
    const d = r.flexibleEmployee.detail;
    const how =
      d.kind === 'rate'
        ? `缴费基数${formatMoney(d.base!)} × ${formatPct(flex.value.ratePct!)}${d.largeAmountFee.monthly.isZero() ? '' : ` + 大额${formatMoney(d.largeAmountFee.monthly)}`} = ${formatMoney(d.total.monthly)}元/月`
        : d.kind === 'fixed-monthly'
          ? `每月固定${formatMoney(d.total.monthly)}元`
          : `每年固定${formatMoney(d.total.yearly)}元`;
    lines.push(
      `· 职工医保（灵活就业，${flex.region.name}标准）：${how}，一年约${formatMoney(r.flexibleEmployee.yearlyCost)}元`,
      `· 城乡居民医保（${res!.region.name}${res!.year ?? year}年${groupLabel}）：${res!.value.minimum ? '不低于' : ''}${formatMoney(r.resident.yearlyCost)}元/年`,
      `· 一年相差：${formatMoney(r.flexibleEmployee.yearlyCost)} − ${formatMoney(r.resident.yearlyCost)} = ${formatMoney(r.yearlyCostDifference)}元`,
    );
  } else {
    if (flex && flexIn) {
      const d = flexibleMedicalCalc(flexIn);
      lines.push(
        `· 职工医保（灵活就业，${flex.region.name}标准）：一年约${formatMoney(d.total.yearly)}元（每月${formatMoney(d.total.monthly)}元）`,
      );
    } else if (flex?.value.ratePctRange) {
      lines.push(
        `· 职工医保（灵活就业）：没有找到当地具体标准，各地一般按缴费基数的${flex.value.ratePctRange.min}%–${flex.value.ratePctRange.max}%缴纳`,
      );
    } else if (!flexIn) {
      lines.push('· 职工医保（灵活就业）：没有找到当地可计算的缴费标准');
    }
    if (individual !== undefined) {
      lines.push(
        `· 城乡居民医保（${res!.region.name}${res!.year ?? year}年${groupLabel}）：${res!.value.minimum ? '不低于' : ''}${formatMoney(individual)}元/年`,
      );
    }
  }
  lines.push(...ranges);
  lines.push(
    '· 职工医保：缴满当地规定年限后退休不用再交，住院报销一般更高',
    '· 居民医保：交得少，但要年年交，报销比例一般低一些',
    '两种各有长短，这里只列费用和待遇，不替你做决定；可以结合收入、年龄和身体情况考虑。',
  );
  lines.push(citeSources(...cited), ...caveats(...cited));
  return lines.join('\n');
}
