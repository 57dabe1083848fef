import { describe, expect, it } from 'vitest';
import { slotsMatch } from '../../src/nlu/slot-schema.js';

describe('slotsMatch', () => {
  const xian = { province: '陕西省', city: '西安市', code: '610100' };
  it.each([
    [{}, {}, true],
    [{ employment: ['employee'] }, { employment: 'employee' }, true],
    [{ employment: ['employee', 'flexible'] }, { employment: 'flexible' }, true],
    [{ employment: ['employee'] }, { employment: 'student' }, false],
    [{ employment: ['employee'] }, {}, false],
    [{ gender: ['female'], employment: ['employee'] }, { gender: 'female' }, false],
    [{ hospitalLevel: [3] }, { hospitalLevel: 3 }, true],
    [{ region: [xian] }, { region: { ...xian } }, true],
  ] as const)('%j against %j is %s', (when, slots, expected) => {
    expect(slotsMatch(when as never, slots as never)).toBe(expected);
  });
});
