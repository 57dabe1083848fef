import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalcInputError, retirementAge, type RetirementGroup } from '../../src/calc/index.js';
import { REFORM } from './fixtures.js';

/** The reform as POLICY-FACTS §4 states it, written out again for the simulation below. */
const TABLE: Record<
  RetirementGroup,
  { old: number; first: [number, number]; step: number; max: number; fullFrom: string }
> = {
  male: { old: 60, first: [1965, 1], step: 4, max: 36, fullFrom: '1976-09' },
  female_cadre: { old: 55, first: [1970, 1], step: 4, max: 36, fullFrom: '1981-09' },
  female_worker: { old: 50, first: [1975, 1], step: 2, max: 60, fullFrom: '1984-11' },
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An independent expected table: walk birth months one at a time from 10 years before the
 * first affected month to 10 years after the full delay. The delay becomes 1 in the first
 * month and grows by one each time another `step` months have started, up to `max`. The
 * retirement month is found by counting the age month by month from the birth month.
 */
function simulate(
  group: RetirementGroup,
): { birth: string; delay: number; years: number; months: number; retire: string }[] {
  const g = TABLE[group];
  const rows = [];
  let [y, m] = [g.first[0] - 10, g.first[1]];
  let delay = 0;
  let started = false;
  let sinceStep = 0;
  while (y < g.first[0] + 22) {
    if (y === g.first[0] && m === g.first[1]) {
      started = true;
      delay = 1;
      sinceStep = 0;
    } else if (started) {
      sinceStep += 1;
      if (sinceStep === g.step) {
        sinceStep = 0;
        if (delay < g.max) delay += 1;
      }
    }
    const ageMonths = g.old * 12 + delay;
    let [ry, rm] = [y, m];
    for (let i = 0; i < ageMonths; i++) {
      rm += 1;
      if (rm === 13) {
        rm = 1;
        ry += 1;
      }
    }
    rows.push({
      birth: `${y}-${pad(m)}`,
      delay,
      years: Math.floor(ageMonths / 12),
      months: ageMonths % 12,
      retire: `${ry}-${pad(rm)}`,
    });
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return rows;
}

const groups: RetirementGroup[] = ['male', 'female_cadre', 'female_worker'];

describe('retirementAge', () => {
  it.each([
    ['male', '1975-05', 62, 8, '2038-01'],
    ['female_worker', '1980-03', 52, 8, '2032-11'],
    ['female_cadre', '1972-06', 55, 8, '2028-02'],
  ] as const)('golden: %s born %s -> %i y %i m, %s', (group, birth, years, months, month) => {
    const r = retirementAge({ group, birthMonth: birth, rules: REFORM });
    expect(r.statutory).toMatchObject({ years, months, month });
  });

  // POLICY-FACTS §4.1, every worked row.
  it.each([
    ['male', '1964-12', 0, 60, 0, '2024-12'],
    ['male', '1965-01', 1, 60, 1, '2025-02'],
    ['male', '1965-04', 1, 60, 1, '2025-05'],
    ['male', '1965-05', 2, 60, 2, '2025-07'],
    ['male', '1966-01', 4, 60, 4, '2026-05'],
    ['male', '1970-01', 16, 61, 4, '2031-05'],
    ['male', '1975-12', 33, 62, 9, '2038-09'],
    ['male', '1976-08', 35, 62, 11, '2039-07'],
    ['male', '1976-09', 36, 63, 0, '2039-09'],
    ['female_cadre', '1970-01', 1, 55, 1, '2025-02'],
    ['female_cadre', '1970-05', 2, 55, 2, '2025-07'],
    ['female_cadre', '1981-08', 35, 57, 11, '2039-07'],
    ['female_cadre', '1981-09', 36, 58, 0, '2039-09'],
    ['female_worker', '1975-01', 1, 50, 1, '2025-02'],
    ['female_worker', '1975-03', 2, 50, 2, '2025-05'],
    ['female_worker', '1976-01', 7, 50, 7, '2026-08'],
    ['female_worker', '1984-10', 59, 54, 11, '2039-09'],
    ['female_worker', '1984-11', 60, 55, 0, '2039-11'],
  ] as const)(
    '§4.1 row: %s born %s -> delay %i, %i y %i m, %s',
    (group, birth, delay, years, months, month) => {
      const r = retirementAge({ group, birthMonth: birth, rules: REFORM });
      expect(r.delayMonths).toBe(delay);
      expect(r.statutory).toMatchObject({ years, months, month });
    },
  );

  for (const group of groups) {
    it(`matches the month-by-month simulation for every birth month (${group})`, () => {
      const rows = simulate(group);
      expect(rows.length).toBeGreaterThan(12 * 30);
      for (const row of rows) {
        const r = retirementAge({ group, birthMonth: row.birth, rules: REFORM });
        expect({
          birth: row.birth,
          delay: r.delayMonths,
          years: r.statutory.years,
          months: r.statutory.months,
          retire: r.statutory.month,
        }).toEqual(row);
      }
      // The simulation itself agrees with the "full delay from" column of §4.
      expect(rows.find((row) => row.delay === TABLE[group].max)?.birth).toBe(TABLE[group].fullFrom);
    });
  }

  it('flexible window: 男 1975-05 -> earliest 60 (2035-05, limited by the old age), latest 65 y 8 m (2041-01)', () => {
    const r = retirementAge({ group: 'male', birthMonth: '1975-05', rules: REFORM });
    expect(r.earliest).toMatchObject({ years: 60, months: 0, month: '2035-05' });
    expect(r.latest).toMatchObject({ years: 65, months: 8, month: '2041-01' });
    expect(r.steps.find((s) => s.label === 'earliest')?.notes).toEqual(['limited_by_old_age']);
  });

  it('flexible window: 女工人 1984-11 -> 55; earliest 52 (2036-11), latest 58 (2042-11)', () => {
    const r = retirementAge({
      group: 'female_worker',
      birthMonth: { year: 1984, month: 11 },
      rules: REFORM,
    });
    expect(r.earliest).toMatchObject({ years: 52, months: 0, month: '2036-11' });
    expect(r.latest).toMatchObject({ years: 58, months: 0, month: '2042-11' });
    expect(r.steps.find((s) => s.label === 'delay')?.notes).toEqual(['full_delay']);
  });

  it('flexible window: 男 1976-09 -> 63; earliest exactly 60 (2036-09), latest 66 (2042-09)', () => {
    const r = retirementAge({ group: 'male', birthMonth: '1976-09', rules: REFORM });
    expect(r.earliest).toMatchObject({ years: 60, months: 0, month: '2036-09' });
    expect(r.latest).toMatchObject({ years: 66, months: 0, month: '2042-09' });
    expect(r.steps.find((s) => s.label === 'earliest')?.notes).toBeUndefined();
  });

  it('born before the reform: no delay, no earlier retirement', () => {
    const r = retirementAge({ group: 'male', birthMonth: '1964-12', rules: REFORM });
    expect(r.steps[0]?.notes).toEqual(['born_before_reform']);
    expect(r.earliest.month).toBe('2024-12');
    expect(r.latest.month).toBe('2027-12');
  });

  it('refuses bad months and inconsistent rules', () => {
    expect(() => retirementAge({ group: 'male', birthMonth: '1975-13', rules: REFORM })).toThrow(
      CalcInputError,
    );
    expect(() => retirementAge({ group: 'male', birthMonth: '1975-5', rules: REFORM })).toThrow(
      CalcInputError,
    );
    const bad = {
      ...REFORM,
      groups: { ...REFORM.groups, male: { ...REFORM.groups.male, maxDelayMonths: 35 } },
    };
    expect(() => retirementAge({ group: 'male', birthMonth: '1975-05', rules: bad })).toThrow(
      CalcInputError,
    );
  });

  it('properties: age and retirement month never go down with the birth month; earliest ≤ statutory ≤ latest', () => {
    const birth = fc.integer({ min: 1940 * 12, max: 2010 * 12 });
    const ym = (i: number) => ({ year: Math.floor(i / 12), month: (i % 12) + 1 });
    fc.assert(
      fc.property(fc.constantFrom(...groups), birth, (group, i) => {
        const a = retirementAge({ group, birthMonth: ym(i), rules: REFORM });
        const b = retirementAge({ group, birthMonth: ym(i + 1), rules: REFORM });
        expect(b.statutory.totalMonths).toBeGreaterThanOrEqual(a.statutory.totalMonths);
        expect(b.statutory.month > a.statutory.month).toBe(true);
        expect(a.earliest.totalMonths).toBeLessThanOrEqual(a.statutory.totalMonths);
        expect(a.earliest.totalMonths).toBeGreaterThanOrEqual(
          REFORM.groups[group].oldAgeYears * 12,
        );
        expect(a.latest.totalMonths).toBe(a.statutory.totalMonths + 36);
        expect(a.statutory.totalMonths).toBeLessThanOrEqual(REFORM.groups[group].newAgeYears * 12);
      }),
    );
  });
});
