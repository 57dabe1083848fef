import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalcInputError, dec, formatMoney, formatPct, roundMoney } from '../../src/calc/index.js';
import { anyAmount } from './arbitraries.js';

describe('formatMoney', () => {
  it('prints whole amounts without decimals and others with two', () => {
    expect(formatMoney(800)).toBe('800');
    expect(formatMoney('800.00')).toBe('800');
    expect(formatMoney('466.38')).toBe('466.38');
    expect(formatMoney('466.4')).toBe('466.40');
    expect(formatMoney('0.1')).toBe('0.10');
    expect(formatMoney(0)).toBe('0');
    expect(formatMoney('-0.001')).toBe('0');
  });

  it('rounds half-up to the fen', () => {
    expect(formatMoney('581.115')).toBe('581.12'); // 6117 × 9.5 %
    expect(formatMoney('1079.1366906')).toBe('1079.14'); // 150000 ÷ 139
    expect(formatMoney('0.004999')).toBe('0');
    expect(formatMoney('0.005')).toBe('0.01');
    expect(formatMoney('799.995')).toBe('800');
  });

  it('always equals the rounded figure and has no or exactly two decimals', () => {
    fc.assert(
      fc.property(anyAmount, (x) => {
        const shown = formatMoney(x);
        expect(new Decimal(shown).equals(roundMoney(x))).toBe(true);
        expect(shown).toMatch(/^\d+(\.\d\d)?$/);
      }),
    );
  });
});

describe('inputs', () => {
  it('formats percents', () => {
    expect(formatPct(8)).toBe('8%');
    expect(formatPct('9.5')).toBe('9.5%');
  });

  it('refuses negative, infinite and non-numeric inputs', () => {
    expect(() => dec(-1, 'income')).toThrow(CalcInputError);
    expect(() => dec(Infinity, 'income')).toThrow(CalcInputError);
    expect(() => dec('abc', 'income')).toThrow(/income/);
    expect(() => dec(0, 'divisor', { positive: true })).toThrow(CalcInputError);
    expect(dec('0.1', 'x').toFixed()).toBe('0.1');
  });
});
