import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatPct, reimbursement } from '../../src/calc/index.js';
import { money, pct } from './arbitraries.js';
import { NANCHANG_EMPLOYEE_L1, NANCHANG_EMPLOYEE_L3, NANCHANG_RESIDENT_L3 } from './fixtures.js';

describe('reimbursement', () => {
  it('南昌 employees, level 3: 30000 -> (30000 − 800) × 85 % = 24820 reimbursed, 5180 out of pocket', () => {
    const r = reimbursement({ bill: 30000, rule: NANCHANG_EMPLOYEE_L3 });
    expect(formatMoney(r.reimbursed)).toBe('24820');
    expect(formatMoney(r.outOfPocket)).toBe('5180');
    expect(r.capApplied).toBe(false);
    expect(r.steps[0]?.notes).toEqual(['whole_bill_assumed_in_policy_range']);
    // 800 deductible + 29200 × 15 % = 4380 co-pay
    expect(formatMoney(r.outOfPocketParts.deductible)).toBe('800');
    expect(formatMoney(r.outOfPocketParts.coPay)).toBe('4380');
  });

  it('南昌 employees, level 1: (30000 − 200) × 95 % = 28310; out of pocket 1690', () => {
    const r = reimbursement({ bill: 30000, rule: NANCHANG_EMPLOYEE_L1 });
    expect(formatMoney(r.reimbursed)).toBe('28310');
    expect(formatMoney(r.outOfPocket)).toBe('1690');
  });

  it('南昌 residents, level 3: (30000 − 600) × 60 % = 17640; out of pocket 12360', () => {
    const r = reimbursement({ bill: 30000, rule: NANCHANG_RESIDENT_L3 });
    expect(formatMoney(r.reimbursed)).toBe('17640');
    expect(formatMoney(r.outOfPocket)).toBe('12360');
  });

  it('90 % in the policy range: 27000 in range, (27000 − 800) × 85 % = 22270; 3000 + 800 + 3930 = 7730 out of pocket', () => {
    const r = reimbursement({ bill: 30000, rule: NANCHANG_EMPLOYEE_L3, policyRangePct: 90 });
    expect(formatMoney(r.inPolicyRange)).toBe('27000');
    expect(formatMoney(r.reimbursed)).toBe('22270');
    expect(formatMoney(r.outOfPocket)).toBe('7730');
    expect(formatMoney(r.outOfPocketParts.outsidePolicyRange)).toBe('3000');
    expect(formatMoney(r.outOfPocketParts.coPay)).toBe('3930');
    expect(r.steps[0]?.notes).toBeUndefined();
  });

  it('a bill under the deductible is not reimbursed', () => {
    const r = reimbursement({ bill: 500, rule: NANCHANG_EMPLOYEE_L3 });
    expect(formatMoney(r.reimbursed)).toBe('0');
    expect(formatMoney(r.outOfPocket)).toBe('500');
  });

  it('the annual cap: 200000 -> 169320 before the cap, 100000 after; 95000 used earlier -> 5000', () => {
    const r = reimbursement({ bill: 200000, rule: NANCHANG_EMPLOYEE_L3 });
    expect(formatMoney(r.beforeCap)).toBe('169320');
    expect(formatMoney(r.reimbursed)).toBe('100000');
    expect(r.capApplied).toBe(true);
    expect(formatMoney(r.outOfPocket)).toBe('100000');
    const late = reimbursement({
      bill: 30000,
      rule: NANCHANG_EMPLOYEE_L3,
      reimbursedEarlierThisYear: 95000,
    });
    expect(formatMoney(late.reimbursed)).toBe('5000');
    expect(formatMoney(late.outOfPocketParts.aboveCap)).toBe('19820');
  });

  it('a retiree uplift of 5 points: 29200 × 90 % = 26280; limited to 100 %', () => {
    const rule = { ...NANCHANG_EMPLOYEE_L3, retiredUpliftPct: 5 };
    expect(formatMoney(reimbursement({ bill: 30000, rule, retired: true }).reimbursed)).toBe(
      '26280',
    );
    expect(formatMoney(reimbursement({ bill: 30000, rule }).reimbursed)).toBe('24820');
    const capped = reimbursement({
      bill: 1000,
      rule: { deductible: 0, ratioPct: 95, retiredUpliftPct: 10 },
      retired: true,
    });
    expect(formatPct(capped.ratioPct)).toBe('100%');
    expect(capped.steps.find((s) => s.label === 'ratio')?.notes).toEqual([
      'retired_uplift_applied',
      'ratio_limited_to_100',
    ]);
  });

  it('rounds half-up: 1000.01 × 85 % = 850.0085 -> 850.01', () => {
    expect(
      formatMoney(
        reimbursement({ bill: '1000.01', rule: { deductible: 0, ratioPct: 85 } }).reimbursed,
      ),
    ).toBe('850.01');
  });

  const rule = fc.record({
    deductible: money(3000),
    ratioPct: pct(100),
    retiredUpliftPct: pct(20),
    annualCap: money(500_000),
  });

  it('properties: reimbursed + out of pocket = bill; never above the cap left or the amount above the deductible; parts add up', () => {
    fc.assert(
      fc.property(
        money(1_000_000),
        rule,
        pct(100),
        money(600_000),
        fc.boolean(),
        (bill, r, share, earlier, retired) => {
          const x = reimbursement({
            bill,
            rule: r,
            policyRangePct: share,
            reimbursedEarlierThisYear: earlier,
            retired,
          });
          expect(x.reimbursed.plus(x.outOfPocket).equals(x.bill)).toBe(true);
          expect(x.reimbursed.lessThanOrEqualTo(Decimal.max(r.annualCap.minus(earlier), 0))).toBe(
            true,
          );
          expect(x.reimbursed.lessThanOrEqualTo(x.aboveDeductible)).toBe(true);
          expect(x.reimbursed.isNegative() && !x.reimbursed.isZero()).toBe(false);
          const p = x.outOfPocketParts;
          expect(
            p.outsidePolicyRange
              .plus(p.deductible)
              .plus(p.coPay)
              .plus(p.aboveCap)
              .equals(x.outOfPocket),
          ).toBe(true);
        },
      ),
    );
  });

  it('property: a bigger bill never gives less reimbursement nor less out of pocket', () => {
    fc.assert(
      fc.property(money(1_000_000), money(1_000_000), rule, (a, b, r) => {
        const [lo, hi] = a.lessThan(b) ? [a, b] : [b, a];
        const x = reimbursement({ bill: lo, rule: r });
        const y = reimbursement({ bill: hi, rule: r });
        expect(x.reimbursed.lessThanOrEqualTo(y.reimbursed)).toBe(true);
        expect(x.outOfPocket.lessThanOrEqualTo(y.outOfPocket)).toBe(true);
      }),
    );
  });
});
