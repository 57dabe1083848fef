/**
 * How a message edits the question before it, read from the (normalised) text: a correction
 * ("不对，是8000", "说错了 我是女的", "是8000不是6000"), the period asked for ("一年呢",
 * "一年一共要交多少"), the national standard instead of a place ("按全国标准"), and a question
 * about both insurances at once ("医保和养老一共交多少"). Pure and linear: a few anchored
 * regular expressions without nested repetition.
 */

const CORRECTION =
  /^(不对|不是的?|错了|说错了|我说错了|搞错了|我搞错了|打错了|写错了|输错了|弄错了|更正|纠正|改一下|更正一下)|(我|刚才|刚刚)?(说|打|写|输|填)错了|不对[,. ]|^是.{1,12}不是.{1,12}$|应该是/;

/** True when the message corrects something said before. */
export function isCorrection(text: string): boolean {
  return CORRECTION.test(text);
}

/** A correction with what it denies taken out: "是男的不是女的" -> "是男的 ". */
export function withoutDenied(text: string): string {
  return text.replace(/(?<!是)不是(?!的)[^,.!?;，。 ]{1,12}/g, ' ');
}

/** The period a message asks the figure for. */
export type Period = 'month' | 'year';

const YEAR = /一年|每年|全年|年度|一整年|年缴|年交|一年下来/;
const MONTH = /一个月|每个月|每月|月缴|月交|按月/;

export function periodNamed(text: string): Period | undefined {
  const year = YEAR.test(text);
  const month = MONTH.test(text);
  if (year === month) return undefined;
  return year ? 'year' : 'month';
}

/** 按全国标准, 全国统一的, 国家标准: figures for the whole country, no place asked. */
const NATIONAL =
  /(按|用|以|照)(照)?(全国|国家)(的)?(统一)?(标准|规定|政策)|全国(统一|通用|标准|一样)|国家(统一|标准|规定)(是|的)?/;

export function nationalAsked(text: string): boolean {
  return NATIONAL.test(text);
}

const MEDICAL = /医保|医疗保险|医疗|合作医疗|新农合/;
const PENSION = /养老/;
const COMPARE = /区别|不同|差别|哪个|选哪|还是|一样吗|比较|对比|划算/;
const TOTAL = /一共|总共|合计|加起来|都要|各|分别|和|跟|与|及|还有/;

/** A question about the cost of both insurances at once: 医保和养老一个月一共交多少. */
export function namesBothContributions(text: string): boolean {
  return MEDICAL.test(text) && PENSION.test(text) && TOTAL.test(text) && !COMPARE.test(text);
}

const WHEN_RETIRE = /(什么时候|哪年|几岁|何时|多大|啥时候|几时)(能|可以|才能)?退|退休(年龄|时间)/;
const MINIMUM_YEARS = /(最少|最低)(要|得|需要)?(交|缴)|交几年|交多少年|缴费年限|交够|交满/;

/** 什么时候退休 最少交几年: when the person retires and the minimum years, in one question. */
export function namesRetirementAndYears(text: string): boolean {
  return WHEN_RETIRE.test(text) && MINIMUM_YEARS.test(text);
}

/**
 * 延迟退休是怎么规定的, 交不满15年怎么办, 基数上下限是怎么定的: a question about the rule
 * itself, to be answered in general rather than by asking for the person's facts.
 */
const GENERAL =
  /怎么规定|如何规定|怎么定的?|是怎么(规定|定|算|计算|报销|回事)|有(什么|哪些|啥)规定|(什么|啥)政策|政策是(什么|啥|怎样)|规则|标准是(什么|啥|怎样)|怎么办|咋办|咋整|是除以|除以多少|一般是|上下限|^(能|可以|能不能|可不可以)(一次性)?(补|补缴|补交|缩短|退|转|办)/;

export function asksInGeneral(text: string): boolean {
  return GENERAL.test(text);
}

/** 每年交500的档, 要是交1000的档呢, 选2000元档次: the yearly amount of a resident pension tier. */
const TIER = /(?<![\d.])(\d{3,5})(?:元|块)?(?:的)?(?:档|档次)/;

export function tierNamed(text: string): number | undefined {
  const m = TIER.exec(text);
  if (!m) return undefined;
  const amount = Number(m[1]);
  return amount >= 100 && amount <= 10000 ? amount : undefined;
}

/** 香港, 澳门, 台湾: places outside the mainland schemes (the gazetteer has none of them). */
const OUTSIDE_MAINLAND = /香港|澳门|台湾|港澳台|港澳/;

export function namesOutsideMainland(text: string): boolean {
  return OUTSIDE_MAINLAND.test(text);
}
