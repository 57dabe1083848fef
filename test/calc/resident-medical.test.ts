import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, residentMedical, type ResidentSubsidy } from '../../src/calc/index.js';
import { money, pct } from './arbitraries.js';

describe('residentMedical', () => {
  it('2025 national minimum: individual 400, fiscal subsidy 700, per-person financing 1100', () => {
    const r = residentMedical({ individualAnnual: 400, fiscalSubsidyAnnual: 700 });
    expect(formatMoney(r.payable)).toBe('400');
    expect(formatMoney(r.subsidy)).toBe('0');
    expect(formatMoney(r.totalFinancing ?? -1)).toBe('1100');
  });

  it('特困人员: full subsidy, pays 0', () => {
    const r = residentMedical({ individualAnnual: 400, subsidy: { kind: 'full' } });
    expect(formatMoney(r.payable)).toBe('0');
    expect(formatMoney(r.subsidy)).toBe('400');
  });

  it('河北 2025 低保: at least 60 % of 400 -> subsidy 240, pays 160', () => {
    const r = residentMedical({ individualAnnual: 400, subsidy: { kind: 'ratio', pct: 60 } });
    expect(formatMoney(r.subsidy)).toBe('240');
    expect(formatMoney(r.payable)).toBe('160');
    expect(r.steps[0]).toMatchObject({
      formula: 'contribution × subsidyPct',
      values: { contribution: '400', subsidyPct: '60%' },
    });
  });

  it('a fixed subsidy: 320 of 350 -> pays 30; a subsidy above the contribution pays it all', () => {
    expect(
      formatMoney(
        residentMedical({ individualAnnual: 350, subsidy: { kind: 'fixed', amount: 320 } }).payable,
      ),
    ).toBe('30');
    const over = residentMedical({
      individualAnnual: 400,
      subsidy: { kind: 'fixed', amount: 500 },
    });
    expect(formatMoney(over.payable)).toBe('0');
    expect(over.steps[0]?.notes).toEqual(['subsidy_limited_to_contribution']);
  });

  it('property: subsidy + payable = contribution and 0 ≤ payable ≤ contribution', () => {
    const subsidy: fc.Arbitrary<ResidentSubsidy> = fc.oneof(
      fc.constant({ kind: 'none' as const }),
      fc.constant({ kind: 'full' as const }),
      money(2000).map((amount) => ({ kind: 'fixed' as const, amount })),
      pct(150).map((p) => ({ kind: 'ratio' as const, pct: p })),
    );
    fc.assert(
      fc.property(money(2000), subsidy, (c, s) => {
        const r = residentMedical({ individualAnnual: c, subsidy: s });
        expect(r.subsidy.plus(r.payable).equals(r.contribution)).toBe(true);
        expect(r.payable.isNegative() && !r.payable.isZero()).toBe(false);
        expect(r.payable.lessThanOrEqualTo(r.contribution)).toBe(true);
      }),
    );
  });
});
