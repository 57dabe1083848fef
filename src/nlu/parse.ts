import { IntentClassifier, type Ranked } from './classifier.js';
import { readCues, textFeatures, type TextCues } from './features.js';
import type { IntentName } from './intent-names.js';
import type { IntentFile } from './intents.js';
import type { Lexicon } from './lexicon.js';
import { normalize } from './normalize.js';
import type { Slots } from './slot-schema.js';
import { extractSlots } from './slots/index.js';

export interface ParseResult {
  text: string;
  intent: Ranked<IntentName>;
  /** The likeliest intents, best first, with their confidences. */
  ranking: Ranked<IntentName>[];
  slots: Slots;
}

export interface Understanding {
  parse(text: string, now?: Date): ParseResult;
}

export interface UnderstandingOptions {
  intents: readonly IntentFile[];
  lexicon: Lexicon;
  /** Below this confidence the text is out of scope. */
  minConfidence?: number;
  /** How many candidates `ranking` holds. */
  rankingSize?: number;
  temperature?: number;
}

export const DEFAULT_MIN_CONFIDENCE = 0.3;

/** Slots of the training examples are read as of a fixed date, so training is deterministic. */
const TRAINING_DATE = new Date('2026-01-01T00:00:00+08:00');

/** Trains the intent matcher from the intent files (deterministic) and returns `parse`. */
export function createUnderstanding(options: UnderstandingOptions): Understanding {
  const { lexicon } = options;
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const rankingSize = options.rankingSize ?? 5;
  const classifier = new IntentClassifier<IntentName>(
    options.intents.flatMap((intent) =>
      intent.examples.map((example) => {
        const normalised = normalize(example);
        return {
          features: textFeatures(
            normalised,
            readCues(normalised, lexicon, extractSlots(normalised, TRAINING_DATE)),
          ),
          label: intent.name,
        };
      }),
    ),
    options.temperature,
  );

  /** Facts given, nothing asked, no topic named: a reply that only informs ("35岁，在上饶"). */
  const informsOnly = (cues: TextCues) =>
    Object.keys(cues.slots).length > 0 &&
    !cues.question &&
    !cues.concepts.some((c) => lexicon.topics.has(c));

  /** Another domain named (car insurance, housing fund, a hospital to pick...) and not ours. */
  const otherDomain = ({ concepts }: TextCues) =>
    concepts.includes('other') && !concepts.includes('core');

  return {
    parse(text: string, now = new Date()): ParseResult {
      const normalised = normalize(text);
      const slots = extractSlots(normalised, now);
      const cues = readCues(normalised, lexicon, slots);
      const features = textFeatures(normalised, cues);
      const ranking = classifier.rank(features).slice(0, rankingSize);
      const top = ranking[0];
      if (informsOnly(cues)) {
        const confidence = ranking.find((r) => r.name === 'inform')?.confidence ?? 0;
        return {
          text,
          intent: { name: 'inform', confidence: Math.max(confidence, 0.9) },
          ranking,
          slots,
        };
      }
      if (otherDomain(cues)) {
        return { text, intent: { name: 'out_of_scope', confidence: 0.9 }, ranking, slots };
      }
      const intent: Ranked<IntentName> =
        top && top.confidence >= minConfidence && features.length > 0
          ? top
          : { name: 'out_of_scope', confidence: top ? 1 - top.confidence : 1 };
      return { text, intent, ranking, slots };
    },
  };
}
