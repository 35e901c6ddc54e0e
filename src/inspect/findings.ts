import type { Finding } from './types.js';

/**
 * Every anomaly the normalizer can report, declared once (code, severity, message) so an operator can
 * grep a code and land here, and tests assert on codes rather than on message text.
 */
export type FindingSeverity = Finding['severity'];

export interface FindingKind<A extends unknown[] = []> {
  readonly code: string;
  readonly severity: FindingSeverity;
  readonly message: (...args: A) => string;
}

const declared = new Set<string>();

function defineFinding<A extends unknown[]>(
  code: string,
  severity: FindingSeverity,
  message: (...args: A) => string,
): FindingKind<A> {
  if (declared.has(code)) throw new Error(`finding code ${code} declared twice`);
  declared.add(code);
  return { code, severity, message };
}

export function declaredFindingCodes(): string[] {
  return [...declared].sort();
}

// Body structure. A body the backend may parse differently than we did is where evasions live.
export const MALFORMED_JSON = defineFinding('WARDEN_INSPECT_MALFORMED_JSON', 'medium', (why: string) => `malformed JSON body: ${why}`);
export const MALFORMED_XML = defineFinding('WARDEN_INSPECT_MALFORMED_XML', 'medium', (why: string) => `malformed XML body: ${why}`);
export const MALFORMED_MULTIPART = defineFinding('WARDEN_INSPECT_MALFORMED_MULTIPART', 'medium', (why: string) => `malformed multipart body: ${why}`);
export const CONTENT_TYPE_MISMATCH = defineFinding(
  'WARDEN_INSPECT_CONTENT_TYPE_MISMATCH',
  'low',
  (declaredKind: string, actualKind: string) => `body labelled ${declaredKind} was inspected as ${actualKind}`,
);
export const UTF16_BODY = defineFinding(
  'WARDEN_INSPECT_UTF16_BODY',
  'medium',
  // JSON and XML parsers (Jackson, .NET, libxml2) accept UTF-16; byte-oriented signatures see NULs between letters.
  () => 'body is UTF-16 encoded; inspected after transcoding to UTF-8',
);
export const UNUSUAL_CHARSET = defineFinding(
  'WARDEN_INSPECT_UNUSUAL_CHARSET',
  'medium',
  // IIS/ASP.NET decode form bodies in charset=ibm037 (EBCDIC): text no WAF signature will ever match.
  (charset: string) => `body declares the unusual charset ${charset}`,
);
export const DUPLICATE_JSON_KEY = defineFinding(
  'WARDEN_INSPECT_DUPLICATE_JSON_KEY',
  'low',
  // Parsers disagree on which duplicate wins (first, last, error): a classic parser-differential bypass.
  (key: string) => `JSON object repeats key ${key}`,
);
// XXE markers: a request body has no business declaring a DTD or entities.
export const XML_DOCTYPE = defineFinding('WARDEN_INSPECT_XML_DOCTYPE', 'medium', () => 'XML body declares a DOCTYPE');
export const XML_EXTERNAL_DTD = defineFinding(
  'WARDEN_INSPECT_XML_EXTERNAL_DTD',
  'high',
  // <!DOCTYPE x SYSTEM "http://..."> makes a DTD-loading parser fetch a URL of the attacker's choosing.
  () => 'XML body references an external DTD (SYSTEM/PUBLIC identifier)',
);
export const XML_ENTITY_DECLARATION = defineFinding(
  'WARDEN_INSPECT_XML_ENTITY_DECLARATION',
  'high',
  (external: boolean) => (external ? 'XML body declares an external entity (XXE)' : 'XML body declares an entity'),
);
export const XML_ENTITY_REFERENCE = defineFinding(
  'WARDEN_INSPECT_XML_ENTITY_REFERENCE',
  'high',
  (name: string) => `XML body references the non-predefined entity &${name};`,
);
export const XML_PROCESSING_INSTRUCTION = defineFinding(
  'WARDEN_INSPECT_XML_PROCESSING_INSTRUCTION',
  'low',
  (target: string) => `XML body carries the processing instruction <?${target}?>`,
);
export const PROTOTYPE_POLLUTION_KEY = defineFinding(
  'WARDEN_INSPECT_PROTOTYPE_POLLUTION_KEY',
  'high',
  (key: string) => `field name ${key} reaches Object.prototype in JavaScript backends`,
);

// Parameters.
export const PARAMETER_POLLUTION = defineFinding(
  'WARDEN_INSPECT_PARAMETER_POLLUTION',
  'low',
  // Backends pick the first, the last or join them: a value a WAF checks may not be the one the app uses.
  (name: string, count: number) => `parameter ${name} appears ${count} times`,
);

// Encodings.
export const INVALID_PERCENT_ENCODING = defineFinding(
  'WARDEN_INSPECT_INVALID_PERCENT_ENCODING',
  'low',
  () => 'value holds a truncated or nested percent sequence (%%35, %2g) that some servers decode differently',
);
export const MULTIPLE_URL_ENCODING = defineFinding(
  'WARDEN_INSPECT_MULTIPLE_URL_ENCODING',
  'low',
  () => 'value is percent-encoded more than once',
);
export const PERCENT_U_ENCODING = defineFinding(
  'WARDEN_INSPECT_PERCENT_U_ENCODING',
  'medium',
  // Only IIS ever decoded %uXXXX. escape() writes it for non-Latin-1 text, never for ASCII or its
  // full-width and slash look-alikes: those are evasion (percent-u.ts).
  () => 'value uses IIS %uXXXX encoding for ASCII syntax',
);
export const OVERLONG_UTF8 = defineFinding(
  'WARDEN_INSPECT_OVERLONG_UTF8',
  'high',
  // CVE-2000-0884 (IIS): %c0%af decoded to '/' after the traversal check.
  () => 'value holds an overlong UTF-8 sequence (e.g. %c0%af for /)',
);
export const INVALID_UTF8 = defineFinding('WARDEN_INSPECT_INVALID_UTF8', 'low', () => 'value decodes to invalid UTF-8');
export const NULL_BYTE = defineFinding(
  'WARDEN_INSPECT_NULL_BYTE',
  'medium',
  // C-backed code truncates at NUL: file.php%00.jpg passes an extension check and opens file.php.
  () => 'value holds a NUL byte',
);
export const PATH_ABOVE_ROOT = defineFinding(
  'WARDEN_INSPECT_PATH_ABOVE_ROOT',
  'high',
  () => 'path uses dot segments to climb above the root',
);

// Headers.
export const DUPLICATE_SINGLETON_HEADER = defineFinding(
  'WARDEN_INSPECT_DUPLICATE_SINGLETON_HEADER',
  'medium',
  // Two Host or Content-Type headers: front end and back end may each pick a different one.
  (name: string) => `header ${name} appears more than once`,
);

// Limits: padding a request past a limit is an evasion, so what lies beyond gets a lighter inspection
// (Inspection.limits) and the decision judges the request more strictly.
export const LIMIT_REACHED = defineFinding(
  'WARDEN_INSPECT_LIMIT_REACHED',
  'medium',
  (limit: string, value: number) => `inspection limit ${limit} (${value}) reached; what lies past it got a lighter inspection`,
);
export const BODY_TRUNCATED = defineFinding(
  'WARDEN_INSPECT_BODY_TRUNCATED',
  'info',
  () => 'only a prefix of the body was inspected',
);
