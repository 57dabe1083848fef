import { Decimal } from 'decimal.js';
import { accumulate, type AccountYear } from './account.js';
import {
  CalcInputError,
  dec,
  formatMoney,
  formatNumber,
  formatPct,
  ofPct,
  roundMoney,
  type DecimalLike,
} from './money.js';
import { share, yearly } from './share.js';
import { step, type Step } from './step.js';

/** An age in whole years and months (60 y 1 m = `{ years: 60, months: 1 }`). */
export interface AgeYearsMonths {
  years: number;
  months: number;
}

/**
 * 计发月数 table: months by whole age (keys '40'…'70'). With `interpolation`, ages with months
 * are interpolated linearly between whole ages and rounded half-up to `decimals`
 * (60 y 1 m -> 139 + (132 − 139) × 1/12 = 138.42 -> 138.4). Without it, such ages are refused.
 */
export interface DivisorTable {
  months: Readonly<Record<string, number>>;
  interpolation?: { decimals: number };
}

export interface DivisorResult {
  divisor: Decimal;
  interpolated: boolean;
  step: Step;
}

/** 计发月数 at a retirement age. Throws a CalcInputError for ages outside the table. */
export function accountDivisor(table: DivisorTable, age: AgeYearsMonths): DivisorResult {
  const { years, months } = checkAge(age);
  const atAge = table.months[String(years)];
  if (atAge === undefined)
    throw new CalcInputError('retirementAge', `no 计发月数 for age ${years}`);
  if (months === 0) {
    const divisor = new Decimal(atAge);
    return {
      divisor,
      interpolated: false,
      step: step('divisor', 'table[age]', { age: String(years) }, formatNumber(divisor)),
    };
  }
  const next = table.months[String(years + 1)];
  if (next === undefined || !table.interpolation) {
    throw new CalcInputError('retirementAge', `no 计发月数 for ${years} y ${months} m`);
  }
  const divisor = new Decimal(atAge)
    .plus(new Decimal(next).minus(atAge).times(months).dividedBy(12))
    .toDecimalPlaces(table.interpolation.decimals, Decimal.ROUND_HALF_UP);
  return {
    divisor,
    interpolated: true,
    step: step(
      'divisor',
      'table[age] + (table[age + 1] − table[age]) × months ÷ 12',
      {
        age: String(years),
        months: String(months),
        'table[age]': String(atAge),
        'table[age + 1]': String(next),
      },
      formatNumber(divisor),
      ['divisor_interpolated'],
    ),
  };
}

function checkAge(age: AgeYearsMonths | number): AgeYearsMonths {
  const a = typeof age === 'number' ? { years: age, months: 0 } : age;
  if (!Number.isInteger(a.years) || !Number.isInteger(a.months) || a.months < 0 || a.months > 11) {
    throw new CalcInputError(
      'retirementAge',
      `expected whole years and 0-11 months: ${JSON.stringify(age)}`,
    );
  }
  return a;
}

/** Projects the account from a constant base when no balance is known. */
export interface AccountProjectionInput {
  /** Monthly contribution base, assumed the same in every year. */
  monthlyBase: DecimalLike;
  /** Percent of the base credited to the account (8). */
  accountPct: DecimalLike;
  /** Years still to be credited (whole months: 10.5 is fine); default: the input's `years`. */
  years?: DecimalLike;
  /** 记账利率 by year in percent, oldest first; fewer than years: last repeated; none: no interest. */
  creditedRatesPct?: readonly DecimalLike[];
  /** Balance already in the account at the start. */
  openingBalance?: DecimalLike;
}

export interface PensionEstimateInput {
  /** C平: the monthly 计发基数 of the province in the year of retirement. */
  calcBase: DecimalLike;
  /** Average contribution index (0.6 – 3). */
  averageIndex: DecimalLike;
  /** Contribution years (months as a fraction: 30.5). */
  years: DecimalLike;
  /** Percent of the average per contribution year (1 = 1 % per year, 国发〔2005〕38号). */
  accrualPct: DecimalLike;
  retirementAge: AgeYearsMonths | number;
  divisorTable: DivisorTable;
  account: { balance: DecimalLike } | { projection: AccountProjectionInput };
}

export interface PensionEstimateResult {
  basic: Decimal;
  personal: Decimal;
  /** basic + personal (the shown figures). */
  total: Decimal;
  divisor: Decimal;
  balance: Decimal;
  balanceProjected: boolean;
  /** Year-by-year account when projected. */
  projection?: AccountYear[];
  steps: Step[];
}

/**
 * Monthly basic pension: (C平 + C平 × index) ÷ 2 × years × accrual%, plus the personal-account
 * pension: balance ÷ 计发月数. The transitional pension (过渡性养老金) is not included.
 */
export function pensionEstimate(input: PensionEstimateInput): PensionEstimateResult {
  const calcBase = dec(input.calcBase, 'calcBase', { positive: true });
  const index = dec(input.averageIndex, 'averageIndex');
  const years = dec(input.years, 'years');
  const accrualPct = dec(input.accrualPct, 'accrualPct');
  const basic = roundMoney(
    ofPct(calcBase.plus(calcBase.times(index)).dividedBy(2).times(years), accrualPct),
  );
  const steps: Step[] = [
    step(
      'basic',
      '(calcBase + calcBase × averageIndex) ÷ 2 × years × accrualPct',
      {
        calcBase: formatMoney(calcBase),
        averageIndex: formatNumber(index),
        years: formatNumber(years),
        accrualPct: formatPct(accrualPct),
      },
      formatMoney(basic),
    ),
  ];
  const account = resolveBalance(input, years);
  steps.push(...account.steps);
  const divisor = accountDivisor(input.divisorTable, checkAge(input.retirementAge));
  const personal = roundMoney(account.balance.dividedBy(divisor.divisor));
  const total = basic.plus(personal);
  steps.push(
    divisor.step,
    step(
      'personal',
      'balance ÷ divisor',
      { balance: formatMoney(account.balance), divisor: formatNumber(divisor.divisor) },
      formatMoney(personal),
      account.projected ? ['projection'] : [],
    ),
    step(
      'total',
      'basic + personal',
      { basic: formatMoney(basic), personal: formatMoney(personal) },
      formatMoney(total),
    ),
  );
  const result: PensionEstimateResult = {
    basic,
    personal,
    total,
    divisor: divisor.divisor,
    balance: account.balance,
    balanceProjected: account.projected,
    steps,
  };
  if (account.years) result.projection = account.years;
  return result;
}

function resolveBalance(
  input: PensionEstimateInput,
  years: Decimal,
): { balance: Decimal; projected: boolean; steps: Step[]; years?: AccountYear[] } {
  if ('balance' in input.account) {
    return {
      balance: roundMoney(dec(input.account.balance, 'account.balance')),
      projected: false,
      steps: [],
    };
  }
  const p = input.account.projection;
  const months = dec(p.years ?? years, 'projection.years').times(12);
  if (!months.isInteger()) {
    throw new CalcInputError('projection.years', 'must be a whole number of months');
  }
  const monthly = share(
    'account_monthly',
    roundMoney(dec(p.monthlyBase, 'projection.monthlyBase')),
    dec(p.accountPct, 'projection.accountPct'),
    { pct: 'accountPct' },
  );
  const credits = creditsByYear(monthly.value, months.toNumber());
  const opening = roundMoney(
    p.openingBalance === undefined ? 0 : dec(p.openingBalance, 'projection.openingBalance'),
  );
  const acc = accumulate(credits, p.creditedRatesPct, opening);
  monthly.step.notes = ['projection', 'constant_base_assumed'];
  return {
    balance: acc.balance,
    projected: true,
    steps: [monthly.step, yearly('account_yearly', monthly.value).step, acc.step],
    years: acc.years,
  };
}

/** Yearly credits of `months` months of a monthly credit: whole years, then the remainder. */
export function creditsByYear(monthly: Decimal, months: number): Decimal[] {
  const credits: Decimal[] = [];
  for (let left = months; left > 0; left -= 12) credits.push(monthly.times(Math.min(left, 12)));
  return credits;
}
