/**
 * Which insurance a question names: the employee scheme (职工医保, 职工养老, 城镇职工...) or the
 * urban-rural resident scheme (居民医保, 城乡居民, 新农合, 新农保...). It belongs to the question,
 * not to the person: a flexible worker may ask about 居民医保 and must get its figures. Not a
 * contract slot; the dialogue keeps it for the question it came with.
 */
export type Scheme = 'employee' | 'resident';
export const SCHEMES = ['employee', 'resident'] as const;

const RESIDENT =
  /居民(医保|医疗|养老|基本|社保|保险)|城乡居民|城镇居民|城乡医保|城居保|新农合|新农保|农合|农村(合作医疗|医保|医疗保险|养老|社保)/;
/** 职工 alone is often a person (女职工), so only with the insurance named after it. */
const EMPLOYEE = /职工(医保|医疗|养老|基本|社保|保险)|城镇职工|企业职工/;

/** The scheme a (normalised) text names; none when it names both (a comparison) or neither. */
export function schemeNamed(text: string): Scheme | undefined {
  const resident = RESIDENT.test(text);
  const employee = EMPLOYEE.test(text);
  if (resident === employee) return undefined;
  return resident ? 'resident' : 'employee';
}
