import { conceptsIn, type Lexicon } from './lexicon.js';
import { syllables } from './pinyin.js';
import type { Slots } from './slot-schema.js';

/** Words that make a message a question rather than a statement of facts. */
/**
 * A concept counts as this many features: naive Bayes weighs every feature alike, and one
 * concept would otherwise be drowned by the dozens of character n-grams of a sentence.
 */
export const CONCEPT_WEIGHT = 2;

export const QUESTION =
  /[?？吗嘛呢么乜伐]|多少|几多|几钿|多大|多久|是不是|对不对|对吗|行不行|能否|会不会|点样|点解|边度|边个|啷个|几时|使唔使|有冇|怎么|咋|什么|啥|哪|几|能不能|可不可以|可以吗|是否|如何|要不要|有没有|够不够|够吗|够了吗|还差|算一下|算算|帮我|想问|请问|问一下|查询|退休年龄|退休年纪|几岁退休|哪年退休|退休时间|(有|能|可以|会|要|用).*[没不]$|\b(how|what|when|where|which|can i|will i|is it|do i)\b/;

/**
 * Features that suit Chinese without a segmenter: character unigrams, bigrams and trigrams of
 * the normalised text (digits folded to "#", so 8000 and 5000 look alike), plus one "L:<concept>"
 * feature for each domain-lexicon concept the text mentions, one "S:<slot>" feature for each
 * slot found in it, and whether it reads as a question ("Q:yes", "Q:no", "Q:facts-only": facts
 * and no question, the mark of a reply that only informs). Returned once each.
 */
/** What a text mentions beyond its characters: read once, used by the features and the rules. */
export interface TextCues {
  concepts: string[];
  question: boolean;
  slots: Slots;
  /** The toneless pinyin of each character of the normalised text (see pinyin.ts). */
  sounds: (string | undefined)[];
}

/** Which kinds of feature the classifier sees (all on by default; eval-nlu turns each off). */
export interface FeatureSet {
  /** Pinyin bigrams of neighbouring Chinese characters ("p:yi bao"). */
  pinyin: boolean;
  /** Lexicon concepts found by sound as well as by characters (依保 -> medical). */
  pinyinLexicon: boolean;
  /** Whole Latin words ("w:pension"), beside their letters. */
  englishWords: boolean;
  /** Pairs of lexicon concepts met together ("LL:medical+money_cost"). */
  conceptPairs: boolean;
}

export const ALL_FEATURES: FeatureSet = {
  pinyin: true,
  pinyinLexicon: true,
  englishWords: true,
  conceptPairs: true,
};

export function readCues(
  normalised: string,
  lexicon: Lexicon,
  slots: Slots,
  set: FeatureSet = ALL_FEATURES,
): TextCues {
  const sounds = syllables(normalised);
  return {
    concepts: conceptsIn(normalised, lexicon, set.pinyinLexicon ? sounds : undefined),
    question: QUESTION.test(normalised),
    slots,
    sounds,
  };
}

const BREAK = /[\s,.!?;:，。！？；：、~"'()（）]/;

export function textFeatures(
  normalised: string,
  cues: TextCues,
  set: FeatureSet = ALL_FEATURES,
): string[] {
  // Numbers fold to "#" one character for one (8000 and 5000 look alike), so that positions
  // still line up with cues.sounds; a run of "#" counts as one character below.
  const chars = Array.from(
    normalised.replace(/[0-9]+(\.[0-9]+)?/g, (m) => '#'.repeat(m.length)),
  ).map((c) => (BREAK.test(c) ? ' ' : c));
  const out = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    const a = chars[i]!;
    if (a === ' ' || (a === '#' && chars[i - 1] === '#')) continue;
    out.add(a);
    const j = next(chars, i);
    const b = chars[j];
    if (b === undefined || b === ' ') continue;
    out.add(a + b);
    const c = chars[next(chars, j)];
    if (c !== undefined && c !== ' ') out.add(a + b + c);
  }
  if (set.englishWords) for (const w of normalised.match(/[a-z]{2,}/g) ?? []) out.add(`w:${w}`);
  if (set.pinyin) {
    const { sounds } = cues;
    for (let i = 0; i + 1 < sounds.length; i++) {
      if (sounds[i] && sounds[i + 1]) out.add(`p:${sounds[i]} ${sounds[i + 1]}`);
    }
  }
  for (const concept of cues.concepts) {
    for (let k = 0; k < CONCEPT_WEIGHT; k++) out.add(`L:${concept}:${k}`);
  }
  if (set.conceptPairs) {
    const cs = cues.concepts;
    for (let i = 0; i < cs.length; i++)
      for (let j = i + 1; j < cs.length; j++) out.add(`LL:${cs[i]}+${cs[j]}`);
  }
  const slotNames = Object.keys(cues.slots);
  for (const name of slotNames) out.add(`S:${name}`);
  out.add(cues.question ? 'Q:yes' : 'Q:no');
  if (!cues.question && slotNames.length > 0) out.add('Q:facts-only');
  return [...out];
}

/** The index of the character after position i, skipping the rest of a run of digits ("#"). */
function next(chars: readonly string[], i: number): number {
  let j = i + 1;
  if (chars[i] === '#') while (chars[j] === '#') j++;
  return j;
}
