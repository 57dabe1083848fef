import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../src/logger.js';
import { captureLogger } from '../support/capture-logger.js';

describe('personal data never reaches the logs', () => {
  it.each([
    ['我的身份证号是36230119900101123X', '我的身份证号是[id]'],
    ['手机13812345678帮我查', '手机[phone]帮我查'],
    ['号码 +86 13912345678', '号码 [phone]'],
    ['月薪8000 缴费基数5000', '月薪8000 缴费基数5000'],
    // on its own, whatever the text around it
    ['ID110105199001011234', 'ID[id]'],
    ['身份证号:11010519900101123x。', '身份证号:[id]。'],
    ['证件 110105 19900101 1234', '证件 [id]'],
    ['110105-1990-0101-123X', '[id]'],
    ['１１０１０５１９９００１０１１２３Ｘ', '[id]'],
    ['+8613812345678', '[phone]'],
    ['call+86-138-1234-5678now', 'call[phone]now'],
    ['008613812345678', '[phone]'],
    ['电话8613812345678', '电话[phone]'],
    ['138 1234 5678', '[phone]'],
    ['138-1234-5678', '[phone]'],
    ['１３８１２３４５６７８', '[phone]'],
    ['１38-１２３４-5678', '[phone]'],
    ['tel:13812345678;', 'tel:[phone];'],
    // not personal numbers: longer runs of digits, amounts, dates
    ['订单号2013812345678901', '订单号2013812345678901'],
    ['12000元 2025年 3915–19575', '12000元 2025年 3915–19575'],
  ])('masks %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it('redacts message texts, secrets and signature headers', () => {
    const { logger, lines } = captureLogger();
    logger.info(
      {
        text: '身份证36230119900101123X',
        secret: 'abc',
        req: { headers: { 'x-signature': 'sha256=1' } },
      },
      'x',
    );
    const line = lines.join('');
    expect(line).not.toContain('36230119900101123X');
    expect(line).not.toContain('abc');
    expect(line).not.toContain('sha256=1');
    expect(line).toContain('[redacted]');
  });
});
