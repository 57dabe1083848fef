import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { redisAnswers, spawnRedis, type SpawnedRedis } from './redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

const INSTALL_HINT =
  'No Redis server for the tests. Set REDIS_URL, start one on 127.0.0.1:6379, or install ' +
  'redis-server so the tests can start their own (Debian/Ubuntu: sudo apt-get install redis-server; ' +
  'macOS: brew install redis).';

let spawned: SpawnedRedis | undefined;

/**
 * Finds the Redis the store tests run against: REDIS_URL when set, else 127.0.0.1:6379,
 * else a redis-server this run starts on a free port; else it fails saying how to install one.
 */
export async function setup(project: TestProject): Promise<void> {
  const fromEnv = process.env.REDIS_URL;
  if (fromEnv) {
    if (!(await redisAnswers(fromEnv, 3000))) {
      throw new Error(`REDIS_URL is set but no Redis answers there. ${INSTALL_HINT}`);
    }
    project.provide('redisUrl', fromEnv);
    return;
  }
  const local = 'redis://127.0.0.1:6379';
  if (await redisAnswers(local)) {
    project.provide('redisUrl', local);
    return;
  }
  try {
    spawned = await spawnRedis();
  } catch (err) {
    throw new Error(`${INSTALL_HINT} (${(err as Error).message})`, { cause: err });
  }
  project.provide('redisUrl', spawned.url);
}

export async function teardown(): Promise<void> {
  await spawned?.stop();
}
