import type { FastifyInstance } from 'fastify';
import type { CallbackSettings } from '../../config-callbacks.js';
import type { Logger } from '../../logger.js';
import type { TurnHandler } from '../../turn.js';
import { mountCallback } from './callback.js';
import type { Protocol } from './envelope.js';

export type CallbackConfig = CallbackSettings;

/** The callbacks whose settings are present, as the config check left them (complete). */
export function configuredProtocols(c: CallbackConfig): Protocol[] {
  const protocols: Protocol[] = [];
  if (c.WECHAT_MP_TOKEN)
    protocols.push({
      kind: 'mp',
      token: c.WECHAT_MP_TOKEN,
      appId: c.WECHAT_MP_APPID,
      aesKey: c.WECHAT_MP_AES_KEY,
    });
  if (c.WECOM_TOKEN && c.WECOM_AES_KEY && c.WECOM_CORPID)
    protocols.push({
      kind: 'wecom',
      token: c.WECOM_TOKEN,
      aesKey: c.WECOM_AES_KEY,
      corpId: c.WECOM_CORPID,
    });
  return protocols;
}

/**
 * Mounts each configured callback on `app` (before it listens) and returns them as channels:
 * nothing to start (the platform calls us), and stop lets the turns under way finish.
 */
export function callbackChannels(
  config: CallbackConfig,
  app: FastifyInstance,
  handleTurn: TurnHandler,
  logger: Logger,
) {
  return configuredProtocols(config).map((protocol) => {
    const callback = mountCallback(app, { protocol, handleTurn, logger });
    return {
      name: protocol.kind === 'mp' ? ('wechat-mp' as const) : ('wecom' as const),
      start: async () => {},
      stop: async () => callback.stop(),
    };
  });
}
