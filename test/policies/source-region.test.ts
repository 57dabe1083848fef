import { describe, expect, it } from 'vitest';
import { allFigureEntries, loadPolicies } from '../../src/policies/load.js';
import { regionRef, type RegionRef } from '../../src/policies/regions.js';
import { foreignPlaces, sourcePlaces } from '../../src/policies/source-region.js';

const region = (code: string) => regionRef(code) as RegionRef;

describe('the place a cited document belongs to', () => {
  it('reads it from the number, the title or the site', () => {
    expect(sourcePlaces({ doc: '赣医保发〔2025〕6号' }).places).toEqual(['360000']);
    expect(sourcePlaces({ doc: '穗医保规字〔2022〕1号' }).places).toEqual(['440100']);
    expect(sourcePlaces({ doc: '深圳市政府令第358号' }).places).toEqual(['440300']);
    expect(sourcePlaces({ doc: '2025年第三季度防城港市社会保险信息披露通告' }).places).toEqual([
      '450600',
    ]);
    expect(sourcePlaces({ doc: '乐清市政府 disclosure' }).places).toEqual(['330382']);
    expect(sourcePlaces({ doc: 'x', url: 'https://rsj.beijing.gov.cn/a' }).site).toBe('110000');
  });

  it('finds none in national documents', () => {
    for (const doc of ['国发〔2005〕38号', '国办发〔2024〕38号', '医保发〔2024〕19号', '人社部发〔2024〕94号']) {
      expect(sourcePlaces({ doc }).places, doc).toEqual([]);
    }
    expect(sourcePlaces({ doc: 'x', url: 'https://www.gov.cn/zhengce/a.htm' }).site).toBeUndefined();
  });

  it('lets a document govern its own place and the places inside it, nothing else', () => {
    expect(foreignPlaces({ doc: '赣医保发〔2024〕10号' }, region('360100'))).toEqual([]);
    expect(foreignPlaces({ doc: '深圳市政府令第358号' }, region('360100'))).toEqual(['440300']);
    expect(foreignPlaces({ doc: '深圳市政府令第358号' }, region('national'))).toEqual(['440300']);
    expect(foreignPlaces({ doc: '洪医保发〔2025〕27号' }, region('360000'))).toEqual(['360100']);
    // A county's site reprinting its province's notice is fine; another province's site is not.
    const reprint = { doc: '冀医保发〔2025〕6号', url: 'https://www.renqiu.gov.cn/a.shtml' };
    expect(foreignPlaces(reprint, region('130000'))).toEqual([]);
    expect(foreignPlaces({ doc: 'x', url: 'https://hrss.gd.gov.cn/a' }, region('360000'))).toEqual(
      ['440000'],
    );
  });
});

describe('every policy entry cites documents of its own region (or national ones)', () => {
  const entries = allFigureEntries(loadPolicies());
  it('has no document of another place', () => {
    const wrong = entries.flatMap(({ file, list, index, entry }) =>
      entry.source
        .map((source) => ({ source, foreign: foreignPlaces(source, entry.region) }))
        .filter(({ foreign }) => foreign.length > 0)
        .map(
          ({ source, foreign }) =>
            `${file} ${list}[${index}] (${entry.region.name}): ${source.doc ?? source.url} -> ${foreign.join(', ')}`,
        ),
    );
    expect(wrong).toEqual([]);
  });

  it('places every government site it links to', () => {
    const unknown = entries.flatMap(({ entry }) =>
      entry.source.map((s) => sourcePlaces(s).unknownSite).filter((h) => h !== undefined),
    );
    expect(unknown).toEqual([]);
  });
});
