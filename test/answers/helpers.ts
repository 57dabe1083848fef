import type { SlotName, Slots } from '../../src/nlu/slot-schema.js';
import { loadPolicies } from '../../src/policies/index.js';
import type { CalcContext } from '../../src/answers/answerer.js';

export const policies = loadPolicies();
export const now = new Date('2026-11-23T12:00:00+08:00');
export const NANCHANG = { province: '江西省', city: '南昌市', code: '360100' };
export const BEIJING = { province: '北京市', code: '110000' };
export const HUNAN = { province: '湖南省', code: '430000' };

export function ctx(slots: Slots, defaulted: SlotName[] = []): CalcContext {
  return { slots, defaulted, now };
}
