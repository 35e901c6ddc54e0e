/**
 * Content negotiation lists (`text/html,application/xhtml+xml;q=0.9`, `en-US,en;q=0.9`,
 * `gzip, deflate;q=0.5`): every browser request carries them, and their `;` and `*` (wildcard ranges)
 * are grammar, not injection. A value that is exactly such a list, over known media types, language
 * tags or codings, cannot carry an attack: the model never sees it, and the normalizer does not decode
 * an Accept-* header that is one (the SQL-comment decoder would read a wildcard range's slash-star as a
 * comment opener).
 */
const MEDIA = String.raw`(?:\*|text|application|image|audio|video|font|multipart|message|model)\/(?:\*|[a-z0-9][\w.+-]*)`;
const LANGUAGE = String.raw`(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)`;
const CODING = String.raw`(?:\*|gzip|x-gzip|deflate|br|zstd|compress|identity|dcb|dcz)`;
const PARAMS = String.raw`(?:\s*;\s*[a-z0-9_-]+=[a-z0-9._-]+)*`;
const listOf = (item: string): RegExp => new RegExp(`^${item}${PARAMS}(?:\\s*,\\s*${item}${PARAMS})*$`, 'i');
const NEGOTIATION_LISTS = [listOf(MEDIA), listOf(LANGUAGE), listOf(CODING)];

export function isNegotiationList(text: string): boolean {
  if (text.length > 512) return false;
  for (const re of NEGOTIATION_LISTS) if (re.test(text)) return true;
  return false;
}
