import { Decimal } from 'decimal.js';
import {
  flexibleMedical,
  type FlexibleMedicalInput,
  type FlexibleMedicalResult,
} from './flexible-medical.js';
import {
  flexiblePension,
  type FlexiblePensionInput,
  type FlexiblePensionResult,
} from './flexible-pension.js';
import {
  CalcInputError,
  dec,
  formatMoney,
  formatNumber,
  roundMoney,
  type DecimalLike,
} from './money.js';
import {
  pensionEstimate,
  type AgeYearsMonths,
  type DivisorTable,
  type PensionEstimateResult,
} from './pension-estimate.js';
import {
  reimbursement,
  type ReimbursementResult,
  type ReimbursementRule,
} from './reimbursement.js';
import {
  residentMedical,
  type ResidentMedicalInput,
  type ResidentMedicalResult,
} from './resident-medical.js';
import { residentPension, type ResidentPensionResult } from './resident-pension.js';
import { step, type Step } from './step.js';

export interface CompareMedicalInput {
  flexibleEmployee: FlexibleMedicalInput;
  resident: ResidentMedicalInput;
  /** A sample inpatient bill to show what each scheme reimburses (rules from the policy data). */
  sampleBill?: {
    bill: DecimalLike;
    employee: ReimbursementRule;
    resident: ReimbursementRule;
    retired?: boolean;
  };
}

export interface CompareMedicalResult {
  flexibleEmployee: {
    yearlyCost: Decimal;
    detail: FlexibleMedicalResult;
    sampleBill?: ReimbursementResult;
  };
  resident: {
    yearlyCost: Decimal;
    detail: ResidentMedicalResult;
    sampleBill?: ReimbursementResult;
  };
  /** flexible-employee yearly cost − resident yearly cost (negative when the employee scheme costs less). */
  yearlyCostDifference: Decimal;
  steps: Step[];
}

/** Yearly cost of flexible-employee vs resident medical insurance, and a sample bill under each. No advice. */
export function compareMedical(input: CompareMedicalInput): CompareMedicalResult {
  const employee = flexibleMedical(input.flexibleEmployee);
  const resident = residentMedical(input.resident);
  const difference = employee.total.yearly.minus(resident.payable);
  const result: CompareMedicalResult = {
    flexibleEmployee: { yearlyCost: employee.total.yearly, detail: employee },
    resident: { yearlyCost: resident.payable, detail: resident },
    yearlyCostDifference: difference,
    steps: [differenceStep(employee.total.yearly, resident.payable, difference)],
  };
  if (input.sampleBill) {
    const { bill, retired } = input.sampleBill;
    result.flexibleEmployee.sampleBill = reimbursement({
      bill,
      rule: input.sampleBill.employee,
      retired,
    });
    result.resident.sampleBill = reimbursement({ bill, rule: input.sampleBill.resident, retired });
  }
  return result;
}

function differenceStep(employee: Decimal, resident: Decimal, difference: Decimal): Step {
  return step(
    'yearly_cost_difference',
    'employeeYearly − residentYearly',
    { employeeYearly: formatMoney(employee), residentYearly: formatMoney(resident) },
    formatMoney(difference),
  );
}

/** What is needed to estimate the employee pension; without it only costs are compared. */
export interface EmployeePensionOutlook {
  /** C平 assumed at retirement (today's figure is a common assumption). */
  calcBase: DecimalLike;
  accrualPct: DecimalLike;
  retirementAge: AgeYearsMonths | number;
  divisorTable: DivisorTable;
  creditedRatesPct?: readonly DecimalLike[];
  /** Average index; absent: chosen base ÷ average wage, to 4 decimals. */
  averageIndex?: DecimalLike;
}

export interface ComparePensionInput {
  /** Years of contributions to compare over. */
  years: number;
  flexibleEmployee: FlexiblePensionInput & { outlook?: EmployeePensionOutlook };
  resident: {
    contribution: DecimalLike;
    subsidy: DecimalLike;
    basicPensionMonthly: DecimalLike;
    divisor: DecimalLike;
    creditedRatesPct?: readonly DecimalLike[];
  };
}

export interface SchemeOutlook<Detail> {
  yearlyCost: Decimal;
  /** yearlyCost × years. */
  totalCost: Decimal;
  /** What each year puts into the personal account. */
  yearlyAccountCredit: Decimal;
  detail: Detail;
}

export interface ComparePensionResult {
  flexibleEmployee: SchemeOutlook<FlexiblePensionResult> & { estimate?: PensionEstimateResult };
  resident: SchemeOutlook<ResidentPensionResult> & { estimate: ResidentPensionResult };
  steps: Step[];
}

/** Flexible-employee pension (at a chosen 档) vs resident pension (a tier): costs and estimates. No advice. */
export function comparePension(input: ComparePensionInput): ComparePensionResult {
  const years = input.years;
  if (!Number.isInteger(years) || years < 0)
    throw new CalcInputError('years', 'must be a whole number ≥ 0');
  const employee = flexiblePension(input.flexibleEmployee);
  const r = input.resident;
  const resident = residentPension({
    years: { contribution: r.contribution, subsidy: r.subsidy, count: years },
    basicPensionMonthly: r.basicPensionMonthly,
    divisor: r.divisor,
    creditedRatesPct: r.creditedRatesPct,
  });
  const residentYearly = roundMoney(dec(r.contribution, 'resident.contribution'));
  const steps: Step[] = [
    step(
      'employee_total_cost',
      'yearly × years',
      { yearly: formatMoney(employee.total.yearly), years: String(years) },
      formatMoney(employee.total.yearly.times(years)),
    ),
    step(
      'resident_total_cost',
      'yearly × years',
      { yearly: formatMoney(residentYearly), years: String(years) },
      formatMoney(residentYearly.times(years)),
    ),
  ];
  const result: ComparePensionResult = {
    flexibleEmployee: {
      yearlyCost: employee.total.yearly,
      totalCost: employee.total.yearly.times(years),
      yearlyAccountCredit: employee.account.yearly,
      detail: employee,
    },
    resident: {
      yearlyCost: residentYearly,
      totalCost: residentYearly.times(years),
      yearlyAccountCredit: residentYearly.plus(roundMoney(dec(r.subsidy, 'resident.subsidy'))),
      detail: resident,
      estimate: resident,
    },
    steps,
  };
  const outlook = input.flexibleEmployee.outlook;
  if (outlook) {
    let index: Decimal;
    if (outlook.averageIndex !== undefined)
      index = dec(outlook.averageIndex, 'outlook.averageIndex');
    else if (employee.averageWage) {
      index = employee.base
        .dividedBy(employee.averageWage)
        .toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
      steps.push(
        step(
          'average_index',
          'base ÷ averageWage',
          { base: formatMoney(employee.base), averageWage: formatMoney(employee.averageWage) },
          formatNumber(index),
          ['index_from_chosen_base'],
        ),
      );
    } else
      throw new CalcInputError('outlook.averageIndex', 'needed when the band has no average wage');
    result.flexibleEmployee.estimate = pensionEstimate({
      calcBase: outlook.calcBase,
      averageIndex: index,
      years,
      accrualPct: outlook.accrualPct,
      retirementAge: outlook.retirementAge,
      divisorTable: outlook.divisorTable,
      account: {
        projection: {
          monthlyBase: employee.base,
          accountPct: input.flexibleEmployee.accountPct,
          creditedRatesPct: outlook.creditedRatesPct,
        },
      },
    });
  }
  return result;
}
