import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * The largest callback body read. The platforms' messages are a few hundred bytes (a 2,048-byte
 * text, encrypted and base64-encoded, stays under 4 KiB); anything bigger is not theirs.
 */
export const MAX_XML_BYTES = 16 * 1024;

export class BadXmlError extends Error {
  override name = 'BadXmlError';
}

// Entities stay as written (no expansion: no billion-laughs), values stay strings (a MsgId is a
// 64-bit integer that a JavaScript number would round).
const parser = new XMLParser({
  processEntities: false,
  parseTagValue: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
});

const PREDEFINED: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&amp;': '&',
};

/** The five predefined XML entities only; the platforms put free text in CDATA anyway. */
const decodePredefined = (value: string) =>
  value.replace(/&(lt|gt|quot|apos|amp);/g, (m) => PREDEFINED[m]!);

/**
 * The flat `<xml>` document both platforms send, as field name -> text. Throws BadXmlError for
 * malformed XML, a DOCTYPE (they never send one), a repeated or nested field.
 */
export function parseCallbackXml(body: string): Record<string, string> {
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) throw new BadXmlError('a DOCTYPE is not accepted');
  if (XMLValidator.validate(body) !== true) throw new BadXmlError('malformed XML');
  const doc = parser.parse(body) as Record<string, unknown>;
  const root = doc.xml;
  if (root === undefined || root === null || typeof root !== 'object' || Array.isArray(root))
    throw new BadXmlError('no <xml> root element');
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(root)) {
    if (typeof value !== 'string') throw new BadXmlError(`field ${name} is not plain text`);
    fields[name] = decodePredefined(value);
  }
  return fields;
}

/** Text inside CDATA; a `]]>` in it is split across two sections, the standard way. */
export const cdata = (text: string) => `<![CDATA[${text.split(']]>').join(']]]]><![CDATA[>')}]]>`;

/** An `<xml>` document with these fields, strings in CDATA and numbers bare. */
export function buildXml(fields: Record<string, string | number>): string {
  const inner = Object.entries(fields)
    .map(([name, v]) => `<${name}>${typeof v === 'number' ? String(v) : cdata(v)}</${name}>`)
    .join('');
  return `<xml>${inner}</xml>`;
}
