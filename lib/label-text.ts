// Text that becomes a Prometheus label value or a name in a rule file (service, namespace, team). Pure:
// the spec schema, the query-string schemas and the browser's form share it.

// C0 and C1 controls and DEL break YAML rule files and log lines; U+2028/2029 end lines in JavaScript and
// YAML; U+FFFD is what a decoder leaves of invalid UTF-8 (no real name contains it).
const UNUSABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffd]/;

export const UNUSABLE_TEXT_MESSAGE = 'must not contain control characters, line separators or invalid UTF-8';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const EITHER = new RegExp(`${UNUSABLE.source}|${LONE_SURROGATE.source}`, 'g');

/** True when `text` is well-formed UTF-16 (no lone surrogates) without the characters above. */
export function isUsableText(text: string): boolean {
  return !UNUSABLE.test(text) && !LONE_SURROGATE.test(text);
}

/** `text` with each unusable character (or lone surrogate) replaced by `by(character)`. */
export function replaceUnusable(text: string, by: (character: string) => string): string {
  return text.replace(EITHER, by);
}
