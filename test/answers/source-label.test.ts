import { describe, expect, it } from 'vitest';
import { sourceLabel, UNNAMED_SOURCE } from '../../src/answers/source-label.js';
import { loadPolicies } from '../../src/policies/index.js';

const label = (doc: string) => sourceLabel({ doc } as Parameters<typeof sourceLabel>[0]);

describe('sourceLabel: a source as the person reads it after 依据', () => {
  it.each([
    ['洪医保发〔2025〕27号 (as cited in a Nanchang data file)', '洪医保发〔2025〕27号'],
    [
      '社会保险法 第二十三条 (employer and employee pay jointly); 深圳市政府令第358号 (一档 8 % = employer 6 % + individual 2 %)',
      '社会保险法 第二十三条；深圳市政府令第358号',
    ],
    [
      '江西省 2025 年缴费基数通知 (龙南 reprint of the provincial notice; 南昌新建区 page 2026-04)',
      '江西省 2025 年缴费基数通知',
    ],
    ['渝医保发〔2024〕47号 interpretation', '渝医保发〔2024〕47号 解读'],
    ['湖南 2026 notice as cited in a third-party verification script', '湖南 2026 通知'],
    ['worked back from 医保发〔2024〕19号 (2024 = previous year + 30)', '按医保发〔2024〕19号推算'],
    ['Q&A page (灵活就业的医保就是居民医保吗)', '问答页面 (灵活就业的医保就是居民医保吗)'],
    [
      '全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定',
      '全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定',
    ],
  ])('%s -> %s', (doc, expected) => {
    expect(label(doc)).toBe(expected);
  });

  it('says a source with no document name is not an official one', () => {
    expect(label('Nanchang/Jiangxi data file in a third-party repo')).toBe(UNNAMED_SOURCE);
    expect(label('article comparing pension schemes')).toBe(UNNAMED_SOURCE);
  });

  it('gives a copy of the source before it (同上) no label of its own', () => {
    expect(label('同上 (司法部 legalinfo.moj.gov.cn copy)')).toBe('');
  });

  it('leaves no maintainers\u2019 English in the label of any source in policies/', () => {
    const docs = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(walk);
      if (!v || typeof v !== 'object') return;
      const o = v as Record<string, unknown>;
      if (Array.isArray(o.source)) {
        for (const s of o.source as { doc?: string }[]) if (s.doc) docs.add(s.doc);
      }
      Object.values(o).forEach(walk);
    };
    walk(loadPolicies());
    expect(docs.size).toBeGreaterThan(100);
    for (const doc of docs) {
      const shown = label(doc);
      expect(shown, doc).not.toMatch(/third-party|data file|repo|as cited|official URL|[a-z]{4,}/);
    }
  });
});
