import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/nlu/normalize.js';
import type { Region } from '../../../src/nlu/slot-schema.js';
import {
  extractRegion,
  findPlaces,
  placeByCode,
  shortForms,
} from '../../../src/nlu/slots/region.js';

const region = (text: string) => extractRegion(normalize(text)).region;

const SHANGRAO: Region = { province: '江西省', city: '上饶市', code: '361100' };
const WANNIAN: Region = { province: '江西省', city: '上饶市', county: '万年县', code: '361129' };
const JIANGXI: Region = { province: '江西省', code: '360000' };
const BEIJING: Region = { province: '北京市', code: '110000' };

describe('extractRegion', () => {
  it.each<[string, Region]>([
    // prefecture cities, full and short
    ['上饶', SHANGRAO],
    ['上饶市', SHANGRAO],
    ['在上饶', SHANGRAO],
    ['江西上饶', SHANGRAO],
    ['江西省上饶市', SHANGRAO],
    ['上饶社保卡初始密码', SHANGRAO],
    ['上饶城乡居民医保多少钱', SHANGRAO],
    ['上饒', SHANGRAO],
    ['西安', { province: '陕西省', city: '西安市', code: '610100' }],
    ['深圳', { province: '广东省', city: '深圳市', code: '440300' }],
    ['东莞', { province: '广东省', city: '东莞市', code: '441900' }],
    ['吉林市', { province: '吉林省', city: '吉林市', code: '220200' }],
    ['恩施', { province: '湖北省', city: '恩施土家族苗族自治州', code: '422800' }],
    ['恩施州', { province: '湖北省', city: '恩施土家族苗族自治州', code: '422800' }],
    ['湖北恩施', { province: '湖北省', city: '恩施土家族苗族自治州', code: '422800' }],
    ['大理', { province: '云南省', city: '大理白族自治州', code: '532900' }],
    ['大兴安岭', { province: '黑龙江省', city: '大兴安岭地区', code: '232700' }],
    ['老家河南周口', { province: '河南省', city: '周口市', code: '411600' }],
    // counties, with their city and province
    ['万年', WANNIAN],
    ['万年县', WANNIAN],
    ['上饶万年县', WANNIAN],
    ['江西省上饶市万年县', WANNIAN],
    ['我今年35岁，在江西上饶万年县', WANNIAN],
    ['万年县城镇职工医保', WANNIAN],
    ['婺源', { province: '江西省', city: '上饶市', county: '婺源县', code: '361130' }],
    ['上饶广丰', { province: '江西省', city: '上饶市', county: '广丰区', code: '361103' }],
    ['乾县', { province: '陕西省', city: '咸阳市', county: '乾县', code: '610424' }],
    ['仙桃', { province: '湖北省', county: '仙桃市', code: '429004' }],
    ['神农架', { province: '湖北省', county: '神农架林区', code: '429021' }],
    // provinces and municipalities
    ['江西', JIANGXI],
    ['江西省', JIANGXI],
    ['吉林', { province: '吉林省', code: '220000' }],
    ['河南', { province: '河南省', code: '410000' }],
    ['广西', { province: '广西壮族自治区', code: '450000' }],
    ['内蒙', { province: '内蒙古自治区', code: '150000' }],
    ['新疆', { province: '新疆维吾尔自治区', code: '650000' }],
    ['北京', BEIJING],
    ['北京市', BEIJING],
    ['重庆', { province: '重庆市', code: '500000' }],
    // districts of municipalities: province and county, no city
    ['北京朝阳', { province: '北京市', county: '朝阳区', code: '110105' }],
    ['北京朝阳区', { province: '北京市', county: '朝阳区', code: '110105' }],
    ['北京通州', { province: '北京市', county: '通州区', code: '110112' }],
    ['海淀', { province: '北京市', county: '海淀区', code: '110108' }],
    ['上海浦东', { province: '上海市', county: '浦东新区', code: '310115' }],
    ['重庆万州', { province: '重庆市', county: '万州区', code: '500101' }],
    // an ambiguous name settled by another place in the text
    ['辽宁朝阳', { province: '辽宁省', city: '朝阳市', code: '211300' }],
    ['长春朝阳区', { province: '吉林省', city: '长春市', county: '朝阳区', code: '220104' }],
    ['南通通州', { province: '江苏省', city: '南通市', county: '通州区', code: '320612' }],
    // the first place chain named
    ['人在北京，户口在河南', BEIJING],
    ['不是上饶，是南昌', { province: '江西省', city: '南昌市', code: '360100' }],
  ])('%j', (text, expected) => {
    expect(region(text)).toEqual(expected);
  });

  it.each([
    // ambiguous names are not guessed
    ['朝阳'],
    ['通州'],
    ['鼓楼区'],
    ['江北'],
    // single characters and ordinary words are not places
    ['京'],
    ['沪'],
    ['我在大城市上班'],
    ['比如说'],
    ['合作医疗'],
    ['平安保险'],
    ['延长缴费'],
    ['长寿'],
    ['城区户口'],
    ['开发区上班'],
    ['惠民保'],
    ['交城乡居民养老值不值'],
    ['养老保险城乡居民和城镇职工哪个领得多'],
    ['我不明白城乡居民医保'],
    ['中卫生院'],
    ['万年限'],
    ['同时参加两个医保'],
    ['大厂上班'],
    ['社保局上班时间'],
    // not the mainland
    ['台湾'],
    ['香港'],
    [''],
  ])('%j names no region', (text) => {
    expect(region(text)).toBeUndefined();
  });
});

describe('the gazetteer', () => {
  it('holds every province-level division of the mainland', () => {
    const codes = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33'];
    codes.push('34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51');
    codes.push('52', '53', '54', '61', '62', '63', '64', '65');
    expect(codes).toHaveLength(31);
    for (const code of codes) expect(placeByCode(code)?.level).toBe(0);
  });

  it('finds places by code at every level', () => {
    expect(placeByCode('3611')?.region).toEqual(SHANGRAO);
    expect(placeByCode('361129')?.region).toEqual(WANNIAN);
    expect(placeByCode('110105')?.region).toEqual({
      province: '北京市',
      county: '朝阳区',
      code: '110105',
    });
    // development zones (xx7x) are not divisions
    expect(placeByCode('130171')).toBeUndefined();
  });

  it.each<[string, 0 | 1 | 2, string[]]>([
    ['上饶市', 1, ['上饶']],
    ['江西省', 0, ['江西']],
    ['广西壮族自治区', 0, ['广西']],
    ['内蒙古自治区', 0, ['内蒙古']],
    ['北京市', 0, ['北京']],
    ['恩施土家族苗族自治州', 1, ['恩施']],
    ['海西蒙古族藏族自治州', 1, ['海西']],
    ['巴音郭楞蒙古自治州', 1, ['巴音郭楞']],
    ['大兴安岭地区', 1, ['大兴安岭']],
    ['兴安盟', 1, ['兴安']],
    ['万年县', 2, ['万年']],
    ['积石山保安族东乡族撒拉族自治县', 2, ['积石山']],
    ['浦东新区', 2, ['浦东']],
    ['神农架林区', 2, ['神农架']],
    ['忠县', 2, []],
  ])('shortForms(%s)', (name, level, expected) => {
    expect(shortForms(name, level)).toEqual(expected);
  });

  it('lists every place of a sentence in order', () => {
    expect(findPlaces('从上饶去南京工作').map((p) => p.region.code)).toEqual(['361100', '320100']);
  });

  it('scans a sentence in well under a millisecond', () => {
    const text = '我今年35岁，在江西上饶万年县上班，月薪八千，想问一下城乡居民医保怎么交';
    extractRegion(text);
    const start = performance.now();
    for (let i = 0; i < 1000; i++) extractRegion(text);
    // ~5 µs each on a quiet machine; a loose bound so that a busy CI box does not flake
    expect((performance.now() - start) / 1000).toBeLessThan(0.5);
  });
});

describe('the place of treatment is not the place of insurance', () => {
  it.each([
    ['去北京看病需要备案吗'],
    ['我妈在老家参的新农合 来广州看病能报吗'],
    ['到上海住院能报吗'],
  ])('%j names no region', (text) => {
    expect(extractRegion(normalize(text)).region).toBeUndefined();
  });
  it('a place named as home stays the region: 我在上饶 去南昌住院', () => {
    expect(extractRegion(normalize('我在上饶 去南昌住院')).region?.city).toBe('上饶市');
  });
});

describe('the place named as where the insurance is', () => {
  it('wins over where the person lives: 我长期住深圳 医保在湖南岳阳', () => {
    expect(extractRegion(normalize('我长期住深圳 医保在湖南岳阳 要怎么备案')).region?.city).toBe(
      '岳阳市',
    );
  });
  it('a place of work is not it when the insurance is back home (老家)', () => {
    expect(
      extractRegion(normalize('我在老家农村交的合作医疗 在杭州打工 生病住院能报吗')).region,
    ).toBeUndefined();
  });
});
