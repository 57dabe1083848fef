/**
 * `npm run review`: what the bot failed to understand, from the miss log (MISS_LOG, on by
 * default with REDIS_URL): grouped by what happened (out of scope, clarifying question, question
 * asked again, default taken), then by the nearest intent, most frequent first, with examples.
 * `--key <key>` reads another stream than the default `shebao:misses`.
 */
import { formatReport, groupMisses } from '../src/review/report.js';
import { createMissStream, DEFAULT_MISS_KEY } from '../src/store/miss-stream.js';

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) {
  console.error('Set REDIS_URL to the Redis the bot records its misses in.');
  process.exit(1);
}
const keyAt = process.argv.indexOf('--key');
const key = keyAt > 0 ? process.argv[keyAt + 1] : DEFAULT_MISS_KEY;
const stream = createMissStream({ redisUrl, key });
try {
  const misses = await stream.read();
  console.log(`${misses.length} misses in ${key}\n`);
  console.log(formatReport(groupMisses(misses)));
} finally {
  await stream.close();
}
