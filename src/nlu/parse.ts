import { IntentClassifier, type Ranked } from './classifier.js';
import { textFeatures } from './features.js';
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

/** Trains the intent matcher from the intent files (deterministic) and returns `parse`. */
export function createUnderstanding(options: UnderstandingOptions): Understanding {
  const { lexicon } = options;
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const rankingSize = options.rankingSize ?? 5;
  const classifier = new IntentClassifier<IntentName>(
    options.intents.flatMap((intent) =>
      intent.examples.map((example) => ({
        features: textFeatures(normalize(example), lexicon),
        label: intent.name,
      })),
    ),
    options.temperature,
  );

  return {
    parse(text: string, now = new Date()): ParseResult {
      const normalised = normalize(text);
      const slots = extractSlots(normalised, now);
      const features = textFeatures(normalised, lexicon);
      const ranking = classifier.rank(features).slice(0, rankingSize);
      const top = ranking[0];
      const intent: Ranked<IntentName> =
        top && top.confidence >= minConfidence && features.length > 0
          ? top
          : { name: 'out_of_scope', confidence: top ? 1 - top.confidence : 1 };
      return { text, intent, ranking, slots };
    },
  };
}
