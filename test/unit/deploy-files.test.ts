import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../../src/paths.js';
import { freePort, redisAnswers } from '../support/redis-server.js';

const compose = parse(readFileSync(join(projectRoot, 'docker-compose.yml'), 'utf8')) as any;
const dockerfile = readFileSync(join(projectRoot, 'Dockerfile'), 'utf8');

describe('docker-compose.yml', () => {
  it('publishes the bot on loopback only, and Redis not at all', () => {
    expect(compose.services.bot.ports).toEqual([expect.stringMatching(/^127\.0\.0\.1:/)]);
    expect(compose.services.redis.ports).toBeUndefined();
  });

  it('gives every service memory and CPU limits', () => {
    for (const service of Object.values(compose.services) as any[]) {
      expect(service.deploy.resources.limits).toMatchObject({
        cpus: expect.any(String),
        memory: expect.any(String),
      });
    }
  });

  it('pins images by exact version', () => {
    expect(compose.services.redis.image).toMatch(/^redis:\d+\.\d+\.\d+-alpine$/);
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:\d+\.\d+\.\d+-bookworm-slim$/m);
    expect(dockerfile).not.toMatch(/^FROM node:/m);
  });

  it('passes secrets as files, never as plain environment values', () => {
    const env = compose.services.bot.environment;
    expect(env.WEBHOOK_SECRET_FILE).toBe('/run/secrets/webhook_secret');
    expect(env.REDIS_PASSWORD_FILE).toBe('/run/secrets/redis_password');
    expect(env.WEBHOOK_SECRET).toBeUndefined();
    expect(env.REDIS_URL).not.toMatch(/@/);
  });

  it('runs Redis with a password, maxmemory and volatile-ttl (its command, run here)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shebao-compose-'));
    const port = await freePort();
    const password = 'p4ss-from-secret';
    writeFileSync(join(dir, 'redis_password'), `${password}\n`);
    // The container's paths and privilege drop are the only parts changed.
    const script = (compose.services.redis.command as string[])[2]!
      .replaceAll('$$', '$')
      .replaceAll('/run/secrets/', `${dir}/`)
      .replaceAll('/tmp/redis.conf', `${dir}/redis.conf`)
      .replace(/chown redis \S+ &&/, '')
      .replace('docker-entrypoint.sh ', '');
    const child = spawn('sh', ['-c', `${script} --port ${port} --bind 127.0.0.1 --dir ${dir}`], {
      stdio: 'ignore',
    });
    const url = `redis://127.0.0.1:${port}`;
    try {
      for (
        let i = 0;
        i < 100 && !(await redisAnswers(`redis://:${password}@127.0.0.1:${port}`));
        i++
      ) {
        await sleep(50);
      }
      expect(await redisAnswers(url)).toBe(false); // no password: NOAUTH
      const client = createClient({ url, password });
      await client.connect();
      expect(await client.configGet('maxmemory-policy')).toEqual({
        'maxmemory-policy': 'volatile-ttl',
      });
      expect(await client.configGet('maxmemory')).toEqual({ maxmemory: String(256 * 1024 * 1024) });
      expect(readFileSync(join(dir, 'redis.conf'), 'utf8')).toContain(password);
      expect(statSync(join(dir, 'redis.conf')).mode & 0o777).toBe(0o600);
      client.destroy();
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
