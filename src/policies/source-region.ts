import type { Source } from './entry.js';
import { allRegions, regionChain, type RegionRef } from './regions.js';

/*
 * Which place a cited document belongs to, from what it says of itself: the place named in its
 * title (深圳市政府令第358号), the abbreviation heading its document number (赣医保发〔2025〕6号,
 * 穗医保规字〔2022〕1号) or the government site it is published on (rsj.beijing.gov.cn). A document
 * that names no place (国发〔2005〕38号, 医保发〔2024〕19号, www.gov.cn) is national. A provincial or
 * city document governs only its own place: a test holds every entry to that (issue 12).
 */

/** Abbreviations that open a document number, and the place they stand for. */
const NUMBER_PREFIX: Record<string, string> = {
  国: 'national',
  京: '110000',
  津: '120000',
  冀: '130000',
  晋: '140000',
  蒙: '150000',
  辽: '210000',
  吉: '220000',
  黑: '230000',
  沪: '310000',
  苏: '320000',
  浙: '330000',
  皖: '340000',
  闽: '350000',
  赣: '360000',
  鲁: '370000',
  豫: '410000',
  鄂: '420000',
  湘: '430000',
  粤: '440000',
  桂: '450000',
  琼: '460000',
  渝: '500000',
  川: '510000',
  黔: '520000',
  滇: '530000',
  云: '530000',
  藏: '540000',
  陕: '610000',
  甘: '620000',
  新: '650000',
  穗: '440100',
  深: '440300',
  杭: '330100',
  洪: '360100',
  成: '510100',
  厦: '350200',
  榕: '350100',
  甬: '330200',
  邕: '450100',
  筑: '520100',
  郑: '410100',
  济: '370100',
};

/** Government sites, by the end of their host name, and the place they belong to. */
const SITES: [string, string][] = [
  ['www.gov.cn', 'national'],
  ['nhsa.gov.cn', 'national'],
  ['mohrss.gov.cn', 'national'],
  ['npc.gov.cn', 'national'],
  ['moj.gov.cn', 'national'],
  ['stats.gov.cn', 'national'],
  ['beijing.gov.cn', '110000'],
  ['sh.gov.cn', '310000'],
  ['tj.gov.cn', '120000'],
  ['cq.gov.cn', '500000'],
  ['gd.gov.cn', '440000'],
  ['gz.gov.cn', '440100'],
  ['sz.gov.cn', '440300'],
  ['jiangsu.gov.cn', '320000'],
  ['nanjing.gov.cn', '320100'],
  ['zj.gov.cn', '330000'],
  ['hangzhou.gov.cn', '330100'],
  ['zhejiang.chinatax.gov.cn', '330000'],
  ['shaanxi.chinatax.gov.cn', '610000'],
  ['hubei.gov.cn', '420000'],
  ['wuhan.gov.cn', '420100'],
  ['sc.gov.cn', '510000'],
  ['chengdu.gov.cn', '510100'],
  ['fj.gov.cn', '350000'],
  ['fujian.gov.cn', '350000'],
  ['hunan.gov.cn', '430000'],
  ['jiangxi.gov.cn', '360000'],
  ['nc.gov.cn', '360100'],
  ['hebei.gov.cn', '130000'],
  ['renqiu.gov.cn', '130982'],
  ['sxfx.gov.cn', '610330'],
  ['fcgs.gov.cn', '450600'],
  ['zzgx.gov.cn', '410100'],
  ['jinan.gov.cn', '370100'],
  ['shandong.gov.cn', '370000'],
  ['henan.gov.cn', '410000'],
  ['shanxi.gov.cn', '140000'],
  ['shaanxi.gov.cn', '610000'],
  ['xa.gov.cn', '610100'],
  ['ah.gov.cn', '340000'],
  ['hefei.gov.cn', '340100'],
  ['yn.gov.cn', '530000'],
  ['gxzf.gov.cn', '450000'],
  ['hainan.gov.cn', '460000'],
  ['xizang.gov.cn', '540000'],
  ['gansu.gov.cn', '620000'],
  ['qinghai.gov.cn', '630000'],
  ['nx.gov.cn', '640000'],
  ['xinjiang.gov.cn', '650000'],
  ['ln.gov.cn', '210000'],
  ['jl.gov.cn', '220000'],
  ['hlj.gov.cn', '230000'],
  ['nmg.gov.cn', '150000'],
  ['chengde.gov.cn', '130800'],
  ['ahjd.gov.cn', '340000'],
  ['guangxi.chinatax.gov.cn', '450000'],
  ['shanxi.chinatax.gov.cn', '140000'],
  ['neimenggu.chinatax.gov.cn', '150000'],
  ['guangdong.chinatax.gov.cn', '440000'],
  ['guizhou.gov.cn', '520000'],
  ['yn.xinhuanet.com', '530000'],
  ['lasa.gov.cn', '540100'],
  ['haibei.gov.cn', '632200'],
  ['baotou.gov.cn', '150200'],
  ['tianjin.chinatax.gov.cn', '120000'],
  ['jyg.gov.cn', '620200'],
  ['jinhu.gov.cn', '320831'],
  ['jxln.gov.cn', '360783'],
  ['xjq.nc.gov.cn', '360100'],
];

const PROVINCE_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/;

/**
 * Place names as documents write them: 北京, 广西, 深圳, 南昌; counties only by their full name
 * (乐清市, 凤县), which rarely occurs by chance.
 */
const NAMES: [string, string][] = allRegions()
  .map((r): [string, string] => [
    r.level === 'province'
      ? r.name.replace(PROVINCE_SUFFIX, '')
      : r.level === 'city'
        ? r.name.replace(/市$/, '')
        : r.name,
    r.code,
  ])
  .filter(([short]) => short.length >= 2)
  .sort((a, b) => b[0].length - a[0].length);

/** What a source says of its place: the places found, and a site nobody has placed yet. */
export interface SourcePlaces {
  /** GB/T 2260 codes of the places the document's title or number names. */
  places: string[];
  /** The place of the site the URL is on, when it is a local government's. */
  site?: string;
  /** A host that is not in SITES (so the test can ask for it to be placed). */
  unknownSite?: string;
}

export function sourcePlaces(source: Source): SourcePlaces {
  const places = new Set<string>();
  let unknownSite: string | undefined;
  let siteCode: string | undefined;
  const doc = source.doc ?? '';
  let rest = doc;
  for (const [name, code] of NAMES) {
    if (rest.includes(name)) {
      places.add(code);
      rest = rest.split(name).join(' ');
    }
  }
  for (const match of doc.matchAll(
    /(?:^|[^\p{Script=Han}])(\p{Script=Han})(?:人社|医保|劳社|府|政|财|税)\p{Script=Han}{0,4}〔/gu,
  )) {
    const code = NUMBER_PREFIX[match[1] as string];
    if (code !== undefined && code !== 'national') places.add(code);
  }
  if (source.url !== undefined) {
    const host = new URL(source.url).hostname;
    const site = SITES.find(([end]) => host === end || host.endsWith(`.${end}`));
    if (site === undefined) unknownSite = host;
    else if (site[1] !== 'national') siteCode = site[1];
  }
  return {
    places: [...places],
    ...(siteCode !== undefined ? { site: siteCode } : {}),
    ...(unknownSite !== undefined ? { unknownSite } : {}),
  };
}

/**
 * The places a source names that do not govern `region`: anything local for a national figure,
 * another province's or city's document for a local one. Empty when the source fits. A URL may
 * also be on the site of a place inside `region` (a county reprinting its province's notice).
 */
export function foreignPlaces(source: Source, region: RegionRef): string[] {
  const chain = new Set(regionChain(region.code).map((r) => r.code));
  const { places, site } = sourcePlaces(source);
  const foreign = places.filter((code) => !chain.has(code));
  const inside = (code: string) => regionChain(code).some((r) => r.code === region.code);
  if (site !== undefined && !chain.has(site) && !inside(site)) foreign.push(site);
  return foreign;
}
