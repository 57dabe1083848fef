import { z } from 'zod';

/**
 * Settings of the WeChat Official Account and WeCom callbacks, the API docs and the miss log
 * (CONTRACT.md section 6), kept beside config.ts so that file only spreads them in.
 */

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** A 43-character EncodingAESKey, as both consoles generate it. */
const aesKey = optionalString.pipe(
  z
    .string()
    .regex(/^[A-Za-z0-9]{43}$/, 'must be the 43-character EncodingAESKey from the console')
    .optional(),
);

/** `off` (any case) turns a feature off; anything else leaves it on. */
const onUnlessOff = optionalString.transform((v) => v?.toLowerCase() !== 'off');

export const CALLBACK_SETTINGS = {
  WECHAT_MP_TOKEN: optionalString,
  WECHAT_MP_APPID: optionalString,
  WECHAT_MP_AES_KEY: aesKey,
  WECOM_TOKEN: optionalString,
  WECOM_AES_KEY: aesKey,
  WECOM_CORPID: optionalString,
  /** `off`: no /openapi.json and no /docs. */
  API_DOCS: onUnlessOff,
  /** `off`: misunderstood messages are not recorded for `npm run review`. */
  MISS_LOG: onUnlessOff,
};

/** The callbacks' settings, as parsed (unset ones absent). */
export type CallbackSettings = Partial<
  Record<Exclude<keyof typeof CALLBACK_SETTINGS, 'API_DOCS' | 'MISS_LOG'>, string>
>;

/** Settings that only make sense together: a half-configured callback stops start-up. */
export function checkCallbackSettings(c: CallbackSettings, ctx: z.RefinementCtx): void {
  const need = (when: boolean, name: string, message: string) => {
    if (when) ctx.addIssue({ code: 'custom', path: [name], message });
  };
  need(
    Boolean(c.WECHAT_MP_AES_KEY && !c.WECHAT_MP_APPID),
    'WECHAT_MP_APPID',
    'is needed with WECHAT_MP_AES_KEY (safe mode checks the appid in every message)',
  );
  need(
    Boolean((c.WECHAT_MP_AES_KEY || c.WECHAT_MP_APPID) && !c.WECHAT_MP_TOKEN),
    'WECHAT_MP_TOKEN',
    'is needed to turn the Official Account callback on',
  );
  const wecom = c.WECOM_TOKEN || c.WECOM_AES_KEY || c.WECOM_CORPID;
  for (const name of ['WECOM_TOKEN', 'WECOM_AES_KEY', 'WECOM_CORPID'] as const)
    need(
      Boolean(wecom && !c[name]),
      name,
      'is needed: WeCom callbacks take token, AES key and corpid',
    );
}
