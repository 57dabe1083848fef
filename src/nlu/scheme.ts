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

/** Words around an answer that only names the insurance: 我是 / 参加的是 … 吧. */
const LEAD = /^(我们|我)?(是|参加的?是|交的?是|买的?是|参加|交|买)?/;
const TRAIL = /的?[吧啊呀哦呢]?$/;
/** The name of an insurance and nothing more. */
const NAME =
  /^((城乡|城镇|农村|企业)?(居民|职工)(基本)?(医保|医疗保险|医疗|养老保险|养老|社保|保险)|新农合|新农保|农合|城居保|城乡医保|农村(合作医疗|医保|养老保险))$/;

/**
 * True when a (normalised) text says nothing but which insurance: "居民医保", "我是城乡居民医保",
 * "参加的是职工医保". Such a text answers "职工医保还是居民医保？"; it is not a new question.
 */
export function namesOnlyScheme(text: string): boolean {
  const core = text
    .replace(/[\s,.!?;:，。！？；：、]/g, '')
    .replace(LEAD, '')
    .replace(TRAIL, '');
  return NAME.test(core) && schemeNamed(core) !== undefined;
}
