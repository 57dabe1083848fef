import { CONFIDENCES, type Confidence, type FigureEntry } from './entry.js';
import { allRegions, type RegionRef } from './regions.js';
import { entriesOf, type AnyTable } from './table.js';

/*
 * How far the data reaches: for each province and each table declared with a `coverage` column,
 * the latest year held, at which level (the province, a city of it, or only the national figure)
 * and with what confidence. Pure: the scripts print it and the README embeds it.
 */

/** The last policy year an entry speaks for; undefined when it is open-ended (in force until replaced). */
export function lastYearOf(entry: FigureEntry): number | undefined {
  if (entry.year !== undefined) return entry.year;
  if (entry.effective.to !== undefined) return Number(entry.effective.to.slice(0, 4));
  return undefined;
}

/** For ranking: an open-ended entry speaks for every year from its start up to `year`. */
function reach(entry: FigureEntry, year: number): number {
  return lastYearOf(entry) ?? Math.max(year, Number(entry.effective.from.slice(0, 4)));
}

export interface CoverageCell {
  /** `province`, `city` (one or more of its cities) or `national` (nothing local). */
  level: 'province' | 'city' | 'national';
  /** The cities with the latest figure, when level is city. */
  cities: string[];
  /** The latest policy year held; for open-ended entries, the year they start ("2024起"). */
  label: string;
  /** True when the figure speaks for `year` (a current local figure). */
  current: boolean;
  confidence: Confidence | undefined;
  /** A weaker confidence some figure field of the entry has (an average derived as cap ÷ 3). */
  weakerField?: Confidence;
  uncertain: boolean;
}

/** The weakest confidence of an entry: its own, or a weaker one of its figure fields. */
function weakest(entry: FigureEntry): Confidence {
  const all = [entry.confidence, ...Object.values(entry.fieldConfidence ?? {})];
  return all.reduce((a, b) => (CONFIDENCES.indexOf(b!) > CONFIDENCES.indexOf(a!) ? b : a)) as Confidence;
}

function cellOf(local: FigureEntry[], national: FigureEntry[], year: number): CoverageCell {
  const pool = local.length > 0 ? local : national;
  if (pool.length === 0) {
    return { level: 'national', cities: [], label: '—', current: false, confidence: undefined, uncertain: false };
  }
  const best = Math.max(...pool.map((e) => reach(e, year)));
  const top = pool.filter((e) => reach(e, year) === best);
  const chosen = top.find((e) => e.region.level === 'province') ?? (top[0] as FigureEntry);
  const open = lastYearOf(chosen) === undefined;
  return {
    level: local.length === 0 ? 'national' : chosen.region.level === 'province' ? 'province' : 'city',
    cities: [...new Set(top.filter((e) => e.region.level !== 'province').map((e) => e.region.name))],
    label: open ? `${chosen.effective.from.slice(0, 4)}起` : String(best),
    current: local.length > 0 && best >= year,
    confidence: chosen.confidence,
    ...(weakest(chosen) !== chosen.confidence ? { weakerField: weakest(chosen) } : {}),
    uncertain: top.some((e) => e.uncertain === true),
  };
}

export interface CoverageRow {
  province: RegionRef;
  cells: CoverageCell[];
}

export interface Coverage {
  year: number;
  columns: string[];
  rows: CoverageRow[];
  /** Per column: provinces with a local figure for `year`. */
  currentLocal: number[];
}

export function coverage(loaded: object, tables: readonly AnyTable[], year: number): Coverage {
  const covered = tables.filter((t) => t.coverage !== undefined);
  const provinces = allRegions().filter((r) => r.level === 'province');
  const lists = covered.map((t) => entriesOf<FigureEntry>(loaded, t));
  const rows = provinces.map((province) => ({
    province,
    cells: lists.map((entries) =>
      cellOf(
        entries.filter((e) => e.region.code.slice(0, 2) === province.code.slice(0, 2)),
        entries.filter((e) => e.region.code === 'national'),
        year,
      ),
    ),
  }));
  return {
    year,
    columns: covered.map((t) => t.coverage as string),
    rows,
    currentLocal: covered.map((_, i) => rows.filter((r) => r.cells[i]?.current).length),
  };
}

const LEVEL = { province: '省', national: '全国' } as const;

function formatCell(cell: CoverageCell): string {
  if (cell.confidence === undefined) return '—';
  const where =
    cell.level === 'city'
      ? cell.cities.length > 2
        ? `${cell.cities.slice(0, 2).join('、')}等${cell.cities.length}市`
        : cell.cities.join('、')
      : LEVEL[cell.level];
  const weaker = cell.weakerField ? ` (部分字段 ${cell.weakerField})` : '';
  const text = `${cell.label} ${where} ${cell.confidence}${weaker}${cell.uncertain ? ' ?' : ''}`;
  return cell.level === 'national' ? `*${text}*` : text;
}

/** The coverage as a Markdown table with a closing count line. */
export function coverageMarkdown(c: Coverage): string {
  const short = (name: string) => name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '');
  const lines = [
    `政策年度 ${c.year}。每格：最近年度（“起”= 自该年起施行、至今未见新标准）· 层级（省 / 市 / *全国兜底*）· 可信度（? = 存疑）。`,
    '',
    `| 省份 | ${c.columns.join(' | ')} |`,
    `| --- | ${c.columns.map(() => '---').join(' | ')} |`,
    ...c.rows.map((r) => `| ${short(r.province.name)} | ${r.cells.map(formatCell).join(' | ')} |`),
    '',
    `${c.year}年有本地数据的省份数：${c.columns.map((col, i) => `${col} ${c.currentLocal[i]}`).join('，')}（共 ${c.rows.length}）。`,
  ];
  return lines.join('\n');
}
