import type { Source } from '../policies/index.js';

/**
 * English words of the maintainers' notes that name a kind of document, in the reader's words.
 * (The policy files keep provenance for maintainers: "as cited in a data file", URLs...)
 */
const WORDS: readonly (readonly [RegExp, string])[] = [
  [/\bQ&A page\b/g, '问答页面'],
  [/\bdisclosure\b/g, '公开信息'],
  [/\binterpretation\b/g, '解读'],
  [/\bnotices?\b/g, '通知'],
  [/\banswer\b/g, '答复'],
  [/\breport\b/g, '报告'],
  [/\s*Q&A copied in a repo\b/g, '问答'],
  [/\s+and Q&A$/g, ''],
  [/\s+restating the national rule\b.*$/g, ''],
  [/^worked back from\s+(.+)$/g, '按$1推算'],
];
/** A bracketed note with Latin letters in it: provenance, a URL, a gloss. */
const ENGLISH_NOTE = /\s*\([^()]*[A-Za-z][^()]*\)/g;
/** ", as cited in a verification script" and the like, to the end. */
const CITED_TAIL = /,?\s+as (cited|quoted) in\b.*$/;
const CJK = /[\u3400-\u9fff]/g;
const LATIN = /[A-Za-z]/g;
/** Said of a source that has no document name a reader could look up. */
export const UNNAMED_SOURCE = '网络公开资料（非官方文件）';

/**
 * A source as the person reads it after "依据：": the document's own name (e.g. 洪医保发〔2025〕27号),
 * without the maintainers' English notes. A part that is mostly English says nothing to the
 * reader and is left out; a source left with nothing is UNNAMED_SOURCE. A copy of the source
 * before it (同上) has no label of its own: empty.
 */
export function sourceLabel(source: Source): string {
  if ((source.doc ?? '').trim().startsWith('同上')) return '';
  const doc = (source.doc ?? '').replace(ENGLISH_NOTE, '');
  const parts = doc
    .split(/[;；]/)
    .map((part) => {
      let text = part.replace(CITED_TAIL, '');
      for (const [word, zh] of WORDS) text = text.replace(word, zh);
      return text.replace(/\s+/g, ' ').trim();
    })
    .filter((text) => (text.match(CJK)?.length ?? 0) > (text.match(LATIN)?.length ?? 0));
  return parts.length > 0 ? parts.join('；') : UNNAMED_SOURCE;
}
