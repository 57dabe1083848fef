import { LRUCache } from 'lru-cache';
import { deepFreeze } from '../deep-freeze.js';
import { IntentClassifier, type Ranked } from './classifier.js';
import { LinearClassifier } from './linear.js';
import {
  ALL_FEATURES,
  readCues,
  textFeatures,
  type FeatureSet,
  type TextCues,
} from './features.js';
import type { IntentName } from './intent-names.js';
import type { IntentFile } from './intents.js';
import { otherDomainIn } from './domains.js';
import { mentions, type Lexicon } from './lexicon.js';
import { normalize } from './normalize.js';
import { loadKinship, personNamed, type Kinship, type PersonRef } from './person-ref.js';
import {
  asksInGeneral,
  isCorrection,
  withoutDenied,
  namesBothContributions,
  namesOutsideMainland,
  namesRetirementAndYears,
  nationalAsked,
  periodNamed,
  tierNamed,
  type Period,
} from './question-edits.js';
import { schemeNamed, type Scheme } from './scheme.js';
import type { Slots } from './slot-schema.js';
import { extractSlots, slotsDateKey } from './slots/index.js';

export interface ParseResult {
  text: string;
  intent: Ranked<IntentName>;
  /** The likeliest intents, best first, with their confidences. */
  ranking: Ranked<IntentName>[];
  slots: Slots;
  /** The insurance the text names, when it names one (not a contract slot; see scheme.ts). */
  scheme?: Scheme;
  /**
   * How the message bears on the conversation (not contract fields; the dialogue reads them):
   * whom it is about, whether it corrects, the period and standard asked for, whether it names
   * a topic of ours or another domain, and whether it asks for both insurances' costs.
   */
  cues?: MessageCues;
  /**
   * The look-alike domain an out-of-scope text is about (housing_fund, commercial_insurance...;
   * see intents/lexicon/other-domains.yaml), so the reply can say who answers that.
   */
  domain?: string;
  /**
   * Set when the intent would forget what the person said (reset) but the text does not say so
   * outright and the model is not sure by a wide margin: the bot asks before it forgets.
   */
  confirm?: true;
}

export interface MessageCues {
  person?: PersonRef;
  correction?: true;
  period?: Period;
  national?: true;
  /** It names a topic of ours (医保, 养老, 退休, 报销...), not only facts. */
  namesTopic?: true;
  /** It names another domain (a hospital to pick, car insurance...) and nothing of ours. */
  otherDomain?: true;
  /** 医保和养老一共交多少: both contributions asked at once. */
  bothContributions?: true;
  /** 什么时候退休 最少交几年: the retirement age and the minimum years at once. */
  retirementAndYears?: true;
  /** 延迟退休是怎么规定的: the rule in general, not the person's own figure. */
  general?: true;
  /** 每年交1000的档: the yearly amount of a resident pension tier. */
  tier?: number;
  /** 在香港看病: a place outside the mainland schemes. */
  outsideMainland?: true;
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
  /** How many recent parses are kept (0: none); see `createUnderstanding`. */
  cacheSize?: number;
  /** natural's additive smoothing for the Bayes model. */
  smoothing?: number;
  /** Kinship words (intents/lexicon/kinship.yaml unless given). */
  kinship?: Kinship;
  /** Kinds of feature to leave out (eval-nlu measures what each adds). */
  features?: Partial<FeatureSet>;
  /** Which model ranks the intents (eval-nlu compares them). */
  model?: Model;
}

export const MODELS = ['bayes', 'linear', 'ensemble'] as const;
export type Model = (typeof MODELS)[number];

/** Concepts that name a question of ours besides the lexicon's topics (退休, 交多少, 领多少). */
const QUESTION_CONCEPTS = new Set([
  'retire',
  'money_cost',
  'money_get',
  'poor',
  'account',
  'hospital',
]);

export const DEFAULT_MIN_CONFIDENCE = 0.3;
export const DEFAULT_CACHE_SIZE = 5000;
/**
 * Additive smoothing of the Bayes counts, chosen by 5-fold cross-validation of the training
 * examples (intent accuracy: 1 -> 82.3%, 0.5 -> 85.1%, 0.2 -> 86.8%, 0.1 -> 87.3%,
 * 0.05 -> 87.3%). natural's default of 1 lets an unseen n-gram cost almost nothing.
 */
export const DEFAULT_SMOOTHING = 0.1;
export const DEFAULT_MODEL: Model = 'ensemble';

/** Intents that forget the conversation: taken only on their own words or a wide margin. */
const DESTRUCTIVE: ReadonlySet<IntentName> = new Set(['reset']);
/** How far ahead of the runner-up a destructive intent must be without its own words. */
export const DESTRUCTIVE_MARGIN = 0.5;

type Ranker = (features: readonly string[]) => Ranked<IntentName>[];

/** The intent ranker: naive Bayes, logistic regression, or the mean of their confidences. */
function rankerFor(
  model: Model,
  training: { features: string[]; label: IntentName }[],
  options: UnderstandingOptions,
): { rank: Ranker } {
  const bayes = () =>
    new IntentClassifier<IntentName>(training, {
      temperature: options.temperature,
      smoothing: options.smoothing ?? DEFAULT_SMOOTHING,
    });
  if (model === 'bayes') return bayes();
  const linear = new LinearClassifier<IntentName>(training);
  if (model === 'linear') return linear;
  const nb = bayes();
  return {
    rank(features) {
      const sum = new Map<IntentName, number>();
      // An even mean: 0.3 or 0.7 to either side lost a point of cross-validation.
      for (const r of [...nb.rank(features), ...linear.rank(features)])
        sum.set(r.name, (sum.get(r.name) ?? 0) + r.confidence / 2);
      return [...sum]
        .map(([name, confidence]) => ({ name, confidence }))
        .sort((a, b) => b.confidence - a.confidence);
    },
  };
}

/** Longer texts are parsed every time: they seldom come twice. */
const MAX_CACHED_LENGTH = 100;

/** Slots of the training examples are read as of a fixed date, so training is deterministic. */
const TRAINING_DATE = new Date('2026-01-01T00:00:00+08:00');

/**
 * Trains the intent matcher from the intent files (deterministic) and returns `parse`.
 * Parsing is a pure function of the text and the date's year (the only part of the date the slot
 * extractors read), so recent results are kept in an LRU cache: button answers and short replies
 * ("不知道", "男", "那养老呢") come again and again. Cached results are frozen.
 */
export function createUnderstanding(options: UnderstandingOptions): Understanding {
  const { lexicon } = options;
  const kinship = options.kinship ?? loadKinship();
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const rankingSize = options.rankingSize ?? 5;
  const set: FeatureSet = { ...ALL_FEATURES, ...options.features };
  const training = options.intents.flatMap((intent) =>
    intent.examples.map((example) => {
      const normalised = normalize(example);
      return {
        features: textFeatures(
          normalised,
          readCues(normalised, lexicon, extractSlots(normalised, TRAINING_DATE), set),
          set,
        ),
        label: intent.name,
      };
    }),
  );
  const classifier = rankerFor(options.model ?? DEFAULT_MODEL, training, options);

  /**
   * Facts given (or "不知道"), nothing asked, no topic named: a reply that only informs
   * ("35岁，在上饶"), or that does not know the answer to the bot's question.
   */
  const informsOnly = (cues: TextCues) =>
    (Object.keys(cues.slots).length > 0 || cues.concepts.includes('unsure')) &&
    !cues.question &&
    !cues.concepts.some((c) => lexicon.topics.has(c));

  /**
   * The domain gate: another domain named (commercial insurance, housing fund, tax, a hospital
   * to pick...) and nothing of ours once that domain's own words are taken out (个人养老金 is not
   * 养老金). Returns the look-alike domain, or "" for another topic altogether (weather, stocks).
   */
  const otherDomain = (normalised: string, { concepts }: TextCues): string | undefined => {
    if (!concepts.includes('other')) return undefined;
    const named = otherDomainIn(normalised, lexicon.domains);
    if (mentions(named?.rest ?? normalised, lexicon, 'core')) return undefined;
    return named?.domain ?? '';
  };

  function parse(text: string, now: Date): ParseResult {
    const normalised = normalize(text);
    const correction = isCorrection(normalised);
    // "是男的不是女的": the slots come from what is asserted, not from what is denied
    const slots = extractSlots(correction ? withoutDenied(normalised) : normalised, now);
    // the gender a kinship word gives (我妈) stays with the person cue: the dialogue gives it
    // to that person; the slots are what the text states
    const person = personNamed(normalised, kinship);
    const textCues = readCues(normalised, lexicon, slots, set);
    const result = classify(text, normalised, textCues);
    const scheme = schemeNamed(normalised);
    // the domain gate's verdict comes from classify, which ran it
    const cues: MessageCues = { ...result.cues };
    if (person) cues.person = person;
    if (correction) cues.correction = true;
    const period = periodNamed(normalised);
    if (period) cues.period = period;
    if (nationalAsked(normalised)) cues.national = true;
    if (textCues.concepts.some((c) => lexicon.topics.has(c) || QUESTION_CONCEPTS.has(c))) {
      cues.namesTopic = true;
    }
    if (namesBothContributions(normalised)) cues.bothContributions = true;
    if (namesRetirementAndYears(normalised)) cues.retirementAndYears = true;
    if (asksInGeneral(normalised)) cues.general = true;
    if (namesOutsideMainland(normalised)) cues.outsideMainland = true;
    const tier = tierNamed(normalised);
    if (tier !== undefined) cues.tier = tier;
    return { ...result, ...(scheme ? { scheme } : {}), cues };
  }

  function classify(text: string, normalised: string, cues: TextCues): ParseResult {
    const { slots } = cues;
    const features = textFeatures(normalised, cues, set);
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
    const domain = otherDomain(normalised, cues);
    if (domain !== undefined) {
      const out = { text, intent: { name: 'out_of_scope', confidence: 0.9 } as const };
      const gate: MessageCues = { otherDomain: true };
      return { ...out, ranking, slots, cues: gate, ...(domain ? { domain } : {}) };
    }
    const intent: Ranked<IntentName> =
      top && top.confidence >= minConfidence && features.length > 0
        ? top
        : { name: 'out_of_scope', confidence: top ? 1 - top.confidence : 1 };
    const margin = intent.confidence - (ranking[1]?.confidence ?? 0);
    const unsure =
      DESTRUCTIVE.has(intent.name) &&
      !cues.concepts.includes('restart') &&
      margin < DESTRUCTIVE_MARGIN;
    return unsure
      ? { text, intent, ranking, slots, confirm: true }
      : { text, intent, ranking, slots };
  }

  const cacheSize = options.cacheSize ?? DEFAULT_CACHE_SIZE;
  if (cacheSize === 0) return { parse: (text, now = new Date()) => parse(text, now) };
  const cache = new LRUCache<string, ParseResult>({ max: cacheSize });
  return {
    parse(text: string, now = new Date()): ParseResult {
      if (text.length > MAX_CACHED_LENGTH) return parse(text, now);
      const key = `${slotsDateKey(now)}\u0000${text}`;
      let result = cache.get(key);
      if (result === undefined) {
        result = deepFreeze(parse(text, now));
        cache.set(key, result);
      }
      return result;
    },
  };
}
