import { Decimal } from 'decimal.js';
import {
  CalcInputError,
  comparePension as compare,
  formatMoney,
  formatNumber,
  formatPct,
  resolveBand,
  type BaseBand,
  type FlexibleBaseChoice,
} from '../../calc/index.js';
import type { Slots } from '../../nlu/slot-schema.js';
import {
  pensionBase,
  pensionBaseBand,
  pensionCalcBase,
  pensionDivisor,
  pensionRates,
  residentPension,
  type Policies,
  type Resolved,
} from '../../policies/index.js';
import type { CalcContext, CalcReply } from '../answerer.js';
import { caveats, citeSources, placeName, policyYear, regionCode } from './common.js';
import { divisorTable } from './retirement-common.js';

const GENERAL = [
  '职工养老保险（灵活就业身份）和城乡居民养老保险的主要区别：',
  '· 缴费：职工养老按月交，自选基数的20%，一年通常一万多元；居民养老按年交，自选档次，一年几百到几千元，政府有补贴',
  '· 待遇：职工养老金由基础养老金 + 个人账户养老金组成，一般明显更高；居民养老金 = 基础养老金 + 个人账户 ÷ 139，一般较低',
  '· 条件：都要缴满最低年限（职工养老2030年起逐步提高到20年；居民养老一般15年）',
];

const INVITE =
  '告诉我你的城市、年龄和打算缴费的年限，我可以按当地标准算出两种各交多少、大概能领多少。';

/** Flexible-employee pension at the 60 % 档 vs resident pension at two tiers: costs and estimates. No advice. */
export function comparePensionTypes(p: Policies, { slots, now }: CalcContext): CalcReply {
  try {
    return { text: build(p, slots, now), bureau: 'pension' };
  } catch (e) {
    if (!(e instanceof CalcInputError)) throw e;
    return { text: [...GENERAL, INVITE].join('\n'), bureau: 'pension' };
  }
}

function build(p: Policies, slots: Slots, now: Date): string {
  const year = policyYear(slots, now);
  const code = regionCode(slots);
  const rp = residentPension(p, code, year);
  const flexRates = pensionRates(p, code, year, 'flexible');
  const national = pensionRates(p, 'national', year, 'flexible');
  const pct = pensionBaseBand(p, code, year);
  const base = code === 'national' ? undefined : pensionBase(p, code, year);
  const totalPct = flexRates?.value.totalPct;
  const accountPct = flexRates?.value.accountPct ?? national?.value.accountPct;

  let band: BaseBand | undefined;
  let choice: FlexibleBaseChoice | undefined;
  let averageWage: string | undefined = slots.averageWage;
  const cited: (Resolved<unknown> | undefined)[] = [flexRates, national, pct];
  if (slots.averageWage !== undefined && pct) {
    band = {
      averageWage: slots.averageWage,
      floorPct: pct.value.minPctOfAverage,
      capPct: pct.value.maxPctOfAverage,
    };
    choice = { pctOfAverage: pct.value.minPctOfAverage };
  } else if (base?.value.floor !== undefined && base.value.cap !== undefined) {
    band = { floor: base.value.floor, cap: base.value.cap };
    choice = { base: base.value.floor };
    if (base.value.averageWage !== undefined) averageWage = String(base.value.averageWage);
    cited.push(base);
  }
  const tiersEntry = rp.tiers?.value;
  const tiers = tiersEntry?.amounts
    ? [tiersEntry.amounts[0]!, tiersEntry.amounts[tiersEntry.amounts.length - 1]!]
    : tiersEntry?.range
      ? [tiersEntry.range.min, tiersEntry.range.max]
      : [];
  if (
    !band ||
    !choice ||
    totalPct === undefined ||
    accountPct === undefined ||
    tiers.length === 0 ||
    !rp.subsidy ||
    !rp.basicPension ||
    !rp.accountDivisor
  ) {
    return [...GENERAL, '两种各有长短，这里不替你做决定。', INVITE].join('\n');
  }
  const years = slots.contributionYears ?? 15;
  const yearsNote =
    slots.contributionYears === undefined ? `（你没说缴多少年，按${years}年计算）` : '';

  // The employee pension outlook needs C平 and the divisor at 60.
  let calcBase: string | undefined = slots.averageWage;
  if (calcBase === undefined && code !== 'national') {
    const cb = pensionCalcBase(p, code, year);
    if (cb) {
      calcBase = String(cb.value.calcBase);
      cited.push(cb);
    }
  }
  calcBase ??= averageWage;
  const table = divisorTable(p);
  if (table) cited.push(pensionDivisor(p, 60));
  const floor = resolveBand(band).floor;
  const index =
    averageWage === undefined
      ? '0.6'
      : formatNumber(floor.dividedBy(averageWage).toDecimalPlaces(4, Decimal.ROUND_HALF_UP));
  const outlook =
    calcBase !== undefined && table
      ? { calcBase, accrualPct: 1, retirementAge: 60, divisorTable: table, averageIndex: index }
      : undefined;

  const sub = rp.subsidy.value;
  const subsidyFor = (tier: number) =>
    tier >= sub.higherTierFrom ? sub.higherTierMin : sub.lowestTierMin;
  const lines = [`${placeName(slots)}两种养老保险对比（估算，缴费${years}年${yearsNote}）：`];
  let first = true;
  for (const tier of tiers) {
    const r = compare({
      years,
      flexibleEmployee: { choice, band, totalPct, accountPct, ...(outlook ? { outlook } : {}) },
      resident: {
        contribution: tier,
        subsidy: subsidyFor(tier),
        basicPensionMonthly: rp.basicPension.value.monthly,
        divisor: rp.accountDivisor.value.months,
      },
    });
    if (first) {
      first = false;
      const e = r.flexibleEmployee;
      const b = formatMoney(e.detail.base);
      lines.push(
        `职工养老保险（灵活就业，最低档即60%档）：`,
        `· 每月：${b} × ${formatPct(totalPct)} = ${formatMoney(e.detail.total.monthly)}元，一年${formatMoney(e.yearlyCost)}元，${years}年共${formatMoney(e.totalCost)}元`,
      );
      if (e.estimate) {
        lines.push(
          `· 60岁退休约可领：基础养老金${formatMoney(e.estimate.basic)}元（计发基数${formatMoney(calcBase!)}元、指数${index}）+ 个人账户${formatMoney(e.estimate.personal)}元（余额${formatMoney(e.estimate.balance)} ÷ ${formatNumber(e.estimate.divisor)}）= ${formatMoney(e.estimate.total)}元/月`,
        );
      }
      lines.push('城乡居民养老保险：');
    }
    const res = r.resident;
    lines.push(
      `· 每年${formatMoney(tier)}元档：${years}年共交${formatMoney(res.totalCost)}元，政府补贴不少于${formatMoney(subsidyFor(tier))}元/年；60岁起约领${formatMoney(res.estimate.basic)} + ${formatMoney(res.estimate.balance)} ÷ ${formatNumber(rp.accountDivisor.value.months)} = ${formatMoney(res.estimate.monthly)}元/月`,
    );
  }
  cited.push(rp.tiers, rp.subsidy, rp.basicPension, rp.accountDivisor);
  lines.push(
    `假设：两种都不计个人账户利息；计发基数、基础养老金按现在的标准（${rp.basicPension.region.name}${rp.basicPension.year ?? ''}年基础养老金${formatMoney(rp.basicPension.value.monthly)}元${rp.basicPension.value.minimum ? '，为国家最低标准' : ''}），将来会调整；政府补贴按国家最低标准。`,
    '两种各有长短，这里只列费用和待遇，不替你做决定；可以结合收入、年龄和能缴费的年限考虑。',
  );
  lines.push(citeSources(...cited), ...caveats(...cited));
  return lines.join('\n');
}
