import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../src/logger.js';
import { captureLogger } from '../support/capture-logger.js';

describe('personal data never reaches the logs', () => {
  it.each([
    ['我的身份证号是36230119900101123X', '我的身份证号是[id]'],
    ['手机13812345678帮我查', '手机[phone]帮我查'],
    ['号码 +86 13912345678', '号码 +86 [phone]'],
    ['月薪8000 缴费基数5000', '月薪8000 缴费基数5000'],
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
