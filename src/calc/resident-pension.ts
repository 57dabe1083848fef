import type { Decimal } from 'decimal.js';
import { accumulate, type AccountYear } from './account.js';
import {
  CalcInputError,
  dec,
  formatMoney,
  formatNumber,
  roundMoney,
  type DecimalLike,
} from './money.js';
import { step, type Step } from './step.js';

/** One contribution year: the tier paid and the subsidies credited with it (元/年). */
export interface ResidentPensionYear {
  contribution: DecimalLike;
  subsidy: DecimalLike;
  /** 集体补助, where there is one. */
  collective?: DecimalLike;
}

export interface ResidentPensionInput {
  /** Each year, or the same year repeated `count` times. */
  years: readonly ResidentPensionYear[] | (ResidentPensionYear & { count: number });
  /** The region's monthly basic pension (元/月). */
  basicPensionMonthly: DecimalLike;
  /** Personal-account divisor (139, 国发〔2014〕8号). */
  divisor: DecimalLike;
  /** 记账利率 by year in percent; absent: no interest. */
  creditedRatesPct?: readonly DecimalLike[];
  openingBalance?: DecimalLike;
}

export interface ResidentPensionResult {
  /** Σ (contribution + subsidy + collective) (+ interest, when rates are given). */
  balance: Decimal;
  totalContributions: Decimal;
  totalSubsidies: Decimal;
  basic: Decimal;
  /** balance ÷ divisor. */
  personal: Decimal;
  /** basic + personal. */
  monthly: Decimal;
  accountYears: AccountYear[];
  steps: Step[];
}

/** Urban-rural resident pension: the account built from tiers and subsidies, and the monthly pension. */
export function residentPension(input: ResidentPensionInput): ResidentPensionResult {
  const list = expandYears(input.years);
  let totalContributions = roundMoney(0);
  let totalSubsidies = roundMoney(0);
  const credits = list.map((y, i) => {
    const contribution = roundMoney(dec(y.contribution, `years[${i}].contribution`));
    const subsidy = roundMoney(dec(y.subsidy, `years[${i}].subsidy`)).plus(
      roundMoney(y.collective === undefined ? 0 : dec(y.collective, `years[${i}].collective`)),
    );
    totalContributions = totalContributions.plus(contribution);
    totalSubsidies = totalSubsidies.plus(subsidy);
    return contribution.plus(subsidy);
  });
  const opening = roundMoney(
    input.openingBalance === undefined ? 0 : dec(input.openingBalance, 'openingBalance'),
  );
  const acc = accumulate(credits, input.creditedRatesPct ?? [], opening);
  const divisor = dec(input.divisor, 'divisor', { positive: true });
  const basic = roundMoney(dec(input.basicPensionMonthly, 'basicPensionMonthly'));
  const personal = roundMoney(acc.balance.dividedBy(divisor));
  const monthly = basic.plus(personal);
  const steps: Step[] = [
    step(
      'contributions',
      'Σ contribution',
      { years: String(list.length) },
      formatMoney(totalContributions),
    ),
    step(
      'subsidies',
      'Σ (subsidy + collective)',
      { years: String(list.length) },
      formatMoney(totalSubsidies),
    ),
    acc.step,
    step(
      'personal',
      'balance ÷ divisor',
      { balance: formatMoney(acc.balance), divisor: formatNumber(divisor) },
      formatMoney(personal),
    ),
    step(
      'monthly',
      'basic + personal',
      { basic: formatMoney(basic), personal: formatMoney(personal) },
      formatMoney(monthly),
    ),
  ];
  return {
    balance: acc.balance,
    totalContributions,
    totalSubsidies,
    basic,
    personal,
    monthly,
    accountYears: acc.years,
    steps,
  };
}

function expandYears(years: ResidentPensionInput['years']): readonly ResidentPensionYear[] {
  if (Array.isArray(years)) return years;
  const uniform = years as ResidentPensionYear & { count: number };
  if (!Number.isInteger(uniform.count) || uniform.count < 0) {
    throw new CalcInputError('years.count', 'must be a whole number ≥ 0');
  }
  return Array.from({ length: uniform.count }, () => uniform);
}
