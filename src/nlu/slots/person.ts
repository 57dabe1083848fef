import type { Slots } from '../slot-schema.js';
import { tick } from '../work.js';

/**
 * Who the person is: gender, job category (for women's retirement age), employment, hukou and
 * special groups. Each table is tried in order and the first phrase found wins, so the more
 * specific phrases come first (低保边缘 before 低保, 农民工 before 农民, 没上班 before 上班).
 */

type Rule<T> = readonly [RegExp, T];

/** Words around 男/女 that are about someone else or about both (子女, 男女, 女儿...). */
const NOT_GENDER =
  /子女|儿女|女儿|孙女|侄女|外甥女|女婿|男女|女朋友|男朋友|女方|男方|女友|男友|妇科|男科|美女|帅哥|我先生|我家先生|我老公|我老婆/g;
/** 男, 男的, 男性, 男职工, 先生 (王先生); 女, 女士, 女职工, 妇女, 宝妈. */
const MALE = /男|先生/;
const FEMALE = /女|妇女|宝妈|全职妈妈/;

export function extractGender(text: string): Partial<Slots> {
  const t = text.replace(NOT_GENDER, ' ');
  const male = MALE.test(t);
  const female = FEMALE.test(t);
  // 男60女55: both named, neither is the person
  if (male === female) return {};
  return { gender: male ? 'male' : 'female' };
}

const JOB: readonly Rule<'worker' | 'cadre'>[] = [
  [
    /(?<!村|社区)干部|管理岗|管理人员|管理层|技术岗|专业技术|技术人员|专技|(?<!考)公务员|事业编|行政岗|职员岗/,
    'cadre',
  ],
  [
    /工人|女工|女职工|生产岗|一线岗|车间|操作工|普工|收银员|营业员|售货员|服务员|保洁员|流水线/,
    'worker',
  ],
];

/** Not working: tried first so that 没上班 is not read as 上班. */
const EMPLOYMENT: readonly Rule<NonNullable<Slots['employment']>>[] = [
  [
    /(?<!快|要|就|够|能|可以|准备|即将|马上|才|等我|等到|到时|延迟|延后)退休了(?!吗|没|能|可以|才|怎么|以后|后|多少|领|拿)|已退休|已经退休|退休人员|退休职工|退休工人|退休干部|退休老人|退休在家|办了退休|办理了退休|是退休的|刚退休|^退休$/,
    'retiree',
  ],
  [
    /学生|上学|读书|在校|研究生|(?<!生|怀|带|养|要)(小孩|孩子)|儿童(?!医院)|宝宝|婴儿|新生儿|未成年|(上|读)(幼儿园|小学|初中|高中|大学|中专|技校)/,
    'student',
  ],
  // a flexible worker says 没单位 too (在西安跑外卖 没单位): the job wins
  [
    /保姆|家政|月嫂|钟点工|自己交职工|自己交社保|自己缴职工|自己缴社保|个人交职工|个人缴职工|灵活就业|自由职业|开小店|开了个店|开了家店|开店|小卖部|freelancer|freelance|个体户|个体工商户|做个体|干个体|打零工|零工|跑外卖|送外卖|外卖员|外卖骑手|骑手|网约车|开滴滴|滴滴司机|开出租|摆摊|自己做生意|做生意|网店|自媒体|以个人身份/,
    'flexible',
  ],
  [
    /无业|失业(?!金|保险|险|证)|没工作|没有工作|没了工作|待业|下岗|辞职|离职|没上班|没有上班|不上班|没在上班|在家待着|家庭主妇|全职妈妈|没有单位|没单位|不上班了/,
    'unemployed',
  ],
  [/农民工/, 'employee'],
  [/农民|务农|种地|种田|农村老人|在家种|养殖户/, 'farmer'],
  [
    /(?<!几点|周末|局|厅|窗口|中心|什么时候|哪天|你们|还)上班(?!时间|吗)|在职|入职|单位交|单位缴|单位给|单位买|单位帮|公司交|公司缴|公司给|公司买|公司帮|有单位|在单位|在公司|打工|企业职工(?!养老|医保|基本|医疗)|职员|员工|受雇|公司(每个?月)?给我?交|单位(每个?月)?给我?交|收银员|收银|服务员|保安|保洁员|店员|营业员|售货员|会计|护士|文员|流水线|(?<!考)公务员|事业单位|国企|央企|私企|外企|厂里|工厂/,
    'employee',
  ],
];

const HUKOU: readonly Rule<'urban' | 'rural'>[] = [
  [/非农户口|非农业户口|城镇户口|城市户口|城镇户籍|城市户籍|户口在城|户口在市|户口在县城/, 'urban'],
  [
    /农村户口|农业户口|农村户籍|户口在农村|户口在乡下|户口在村|农村的户口|农村人|农村的(?![医养合社保户])/,
    'rural',
  ],
];

const SPECIAL: readonly Rule<NonNullable<Slots['specialGroup']>>[] = [
  [/低保边缘|低边|边缘户|低保边缘户/, 'dibao_edge'],
  [/低保|低宝/, 'dibao'],
  [/特困|五保|特困供养|孤寡/, 'tekun'],
  [/重度残疾|残疾|残障|残疾证|伤残/, 'disabled'],
  [/脱贫|建档立卡|贫困户|防止返贫|监测户/, 'poverty'],
];

/** 不是低保, 没有残疾证: a denied phrase is not a fact about the person. */
const NEGATION = /(不是|不属于|没有|没|并非|非|不算|不)$/;

/** The first match of `pattern` that is not denied (不是低保), or undefined. */
function affirmed(text: string, pattern: RegExp): RegExpExecArray | undefined {
  const re = GLOBAL.get(pattern)!;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    tick();
    if (!NEGATION.test(text.slice(Math.max(0, m.index - 3), m.index))) return m;
  }
  return undefined;
}

/** The value of the first rule, in table order, whose phrase the text affirms. */
function first<T>(text: string, rules: readonly Rule<T>[]): T | undefined {
  for (const [pattern, value] of rules) if (affirmed(text, pattern)) return value;
  return undefined;
}

/** The value of the phrase that comes first in the text (农村户口在城里打工: rural). */
function earliest<T>(text: string, rules: readonly Rule<T>[]): T | undefined {
  let best: { at: number; value: T } | undefined;
  for (const [pattern, value] of rules) {
    const m = affirmed(text, pattern);
    if (m && (!best || m.index < best.at)) best = { at: m.index, value };
  }
  return best?.value;
}

/** Global twins of the table patterns, compiled once. */
const GLOBAL = new Map<RegExp, RegExp>(
  [...JOB, ...EMPLOYMENT, ...HUKOU, ...SPECIAL].map(([p]) => [p, new RegExp(p.source, 'g')]),
);

const FLEXIBLE_SCHEME = /灵活就业(人员)?(的)?(医保|社保|养老|医疗|保险|的)/g;

/**
 * 灵活就业医保和居民医保选哪个: 灵活就业 names a scheme being compared, not the person (who
 * would say 我是灵活就业, or 我打零工 elsewhere in the sentence).
 */
function namesFlexibleScheme(text: string): boolean {
  FLEXIBLE_SCHEME.lastIndex = 0;
  if (
    !FLEXIBLE_SCHEME.test(text) ||
    !/和|跟|与|还是|区别|是不是|哪个|一样|一回事|选/.test(text) ||
    !/居民|城乡|新农合|农合/.test(text) ||
    /(我是|我|是|做|干|在)灵活就业/.test(text)
  ) {
    return false;
  }
  const rest = text.replace(FLEXIBLE_SCHEME, ' ');
  return first(rest, EMPLOYMENT) !== 'flexible';
}

export function extractPerson(text: string, _now?: Date): Partial<Slots> {
  const out: Partial<Slots> = { ...extractGender(text) };
  const job = first(text, JOB);
  if (job) out.jobCategory = job;
  const employment = first(text, EMPLOYMENT);
  if (employment && !(employment === 'flexible' && namesFlexibleScheme(text))) {
    out.employment = employment;
  }
  const hukou = earliest(text, HUKOU);
  if (hukou) out.hukou = hukou;
  const group = first(text, SPECIAL);
  if (group) out.specialGroup = group;
  return out;
}
