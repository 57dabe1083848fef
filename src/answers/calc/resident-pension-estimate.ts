import {
  formatMoney,
  formatNumber,
  residentPension as residentPensionCalc,
} from '../../calc/index.js';
import type { Slots } from '../../nlu/slot-schema.js';
import { residentPension, type Policies, type Resolved } from '../../policies/index.js';
import { caveats, citeSources, placeName, policyYear, regionCode } from './common.js';

/**
 * What the urban-rural resident pension pays (国发〔2014〕8号): the local basic pension plus the
 * personal account ÷ 139. The account is the person's balance when they gave it, else it is
 * built from a few tiers (lowest, the first with the higher subsidy, highest) over the years
 * paid (15 when not said), each with the government's minimum subsidy and no interest.
 */
export function residentPensionEstimate(
  p: Policies,
  slots: Slots,
  now: Date,
  tier?: number,
): string {
  const year = policyYear(slots, now);
  const rp = residentPension(p, regionCode(slots), year);
  const { tiers, subsidy, basicPension, accountDivisor, eligibility } = rp;
  if (!basicPension || !accountDivisor) {
    return '没有找到城乡居民养老保险基础养老金的标准，没法估算。';
  }
  const basic = basicPension.value.monthly;
  const divisor = accountDivisor.value.months;
  const age = eligibility?.value.age ?? 60;
  const cited: (Resolved<unknown> | undefined)[] = [basicPension, accountDivisor, eligibility];
  const lines = [`城乡居民养老保险待遇估算（${placeName(slots)}，${age}岁起按月领取）：`];

  if (slots.accountBalance !== undefined) {
    const r = residentPensionCalc({
      years: [],
      openingBalance: slots.accountBalance,
      basicPensionMonthly: basic,
      divisor,
    });
    lines.push(
      `· 基础养老金${formatMoney(r.basic)}元 + 个人账户${formatMoney(r.balance)} ÷ ${formatNumber(divisor)} = ${formatMoney(r.basic)} + ${formatMoney(r.personal)} = ${formatMoney(r.monthly)}元/月`,
    );
  } else {
    const years = slots.contributionYears ?? eligibility?.value.minYears ?? 15;
    const amounts = tiers?.value.amounts ?? [];
    const range = tiers?.value.range;
    const candidates = amounts.length > 0 ? amounts : range ? [range.min, range.max] : [];
    if (!subsidy || candidates.length === 0) {
      return '没有找到城乡居民养老保险的缴费档次和补贴标准，没法估算。';
    }
    const sub = subsidy.value;
    const higher = candidates.find((t) => t >= sub.higherTierFrom);
    // the tier the person named (每年交1000的档), else the lowest, the first with the higher
    // subsidy and the highest
    const shown =
      tier !== undefined
        ? [tier]
        : [...new Set([candidates[0]!, ...(higher ? [higher] : []), candidates.at(-1)!])].sort(
            (a, b) => a - b,
          );
    if (tier !== undefined && amounts.length > 0 && !amounts.includes(tier)) {
      lines.push(`（当地公布的档次里没有每年${formatMoney(tier)}元，下面按它计算，以当地为准）`);
    }
    const yearsNote =
      slots.contributionYears === undefined ? `（你没说缴多少年，按${years}年计算）` : '';
    lines.push(`按缴费${years}年${yearsNote}、每年政府补贴按最低标准：`);
    for (const shownTier of shown) {
      const perYear = shownTier >= sub.higherTierFrom ? sub.higherTierMin : sub.lowestTierMin;
      const r = residentPensionCalc({
        years: { contribution: shownTier, subsidy: perYear, count: years },
        basicPensionMonthly: basic,
        divisor,
      });
      lines.push(
        `· 每年交${formatMoney(shownTier)}元：账户（${formatMoney(shownTier)} + 补贴${formatMoney(perYear)}）× ${years}年 = ${formatMoney(r.balance)}元；每月${formatMoney(r.basic)} + ${formatMoney(r.balance)} ÷ ${formatNumber(divisor)} = ${formatMoney(r.monthly)}元`,
      );
    }
    cited.push(tiers, subsidy);
    const minYears = eligibility?.value.minYears ?? 15;
    if (years < minYears) {
      lines.push(
        `注意：一般要累计缴费满${minYears}年才能按月领取；缴费${years}年不够，各地对年龄较大的人有补缴或延长缴费的办法，以当地为准。`,
      );
    }
  }
  lines.push(
    `说明：基础养老金按${basicPension.region.name}${basicPension.year ?? ''}年${formatMoney(basic)}元/月${basicPension.value.minimum ? '（国家最低标准，各地实际多高于此）' : ''}；个人账户不计利息，实际会多一些；基础养老金每年会调整。`,
  );
  lines.push(citeSources(...cited), ...caveats(...cited));
  return lines.join('\n');
}
