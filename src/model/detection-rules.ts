/**
 * A detection rule saved through a security tool's editor quotes what attacks send — that is its job — and is not
 * one (issue 14, session 26's `security-rules` family: a Wazuh `<field>` of `powershell|/solr/admin/|win.ini`
 * 1.0, a Snort `customrules` line, Suricata rule texts; blind benign set 7's secops/3, read). The model reads the
 * quoted `/etc/passwd`, `UNION SELECT` or `<script` as the attack itself.
 *
 * Taken only on a rule editor's route (`isRuleEditorPath`): anywhere else a rule text is a wrapper for a payload.
 *
 * `isDetectionRuleText(text)`: the whole text is rule documents of one format, every line of it in that
 * format's grammar, and nothing else:
 * - Snort / Suricata: `action proto src port -> dst port (key:value; …)` lines, options as keywords with a
 *   quoted or plain value, and `#` comments;
 * - Wazuh / OSSEC rule or decoder XML: `<group>` / `<rule id level>` / `<decoder>` elements one a line, each
 *   leaf element's text on its line, comments; no declaration, DOCTYPE, entity, CDATA or processing instruction;
 * - Sigma YAML with `title`, `logsource`, `detection` and `condition`;
 * - YARA: `rule name { meta: strings: condition: }` with `import` lines;
 * - a CrowdSec scenario (`type` and `filter`, plain YAML keys);
 * - a fail2ban filter (`[Definition]` with `failregex`; a filter's keys only: an action file's `actionban`
 *   runs a command, and is not taken);
 * - ModSecurity `SecRule VARIABLES "operator" "actions"` lines (no `exec:` action, which runs a script).
 * Quoted patterns may hold anything but their own quote; what is outside them is the format's syntax only, so a
 * YAML tag (`!!javax…`), a shell line, SQL, an XML entity or a second document of something else keeps the text
 * scored. A rule's hit still decides (the gate asks only for targets no blocking rule hit).
 *
 * `isRuleDocumentElementName(name)`: an element of a Wazuh rule file whose body as a whole is such a text: its
 * path (`/group/rule/url`, `/group/rule/field`) names a rule's pattern, and its value is what the rule matches.
 */

import { trimmedLines } from './text-lines.js';

const MAX_CHARS = 65_536;

// ---- Snort / Suricata --------------------------------------------------------------------------------------
const QUOTED = String.raw`"(?:[^"\\\n]|\\.)*"|"[^"\n]*"`;
const OPTION = String.raw`\s*(?:[a-z_][a-z0-9_.-]{0,40}(?:\s*:\s*(?:${QUOTED}|!?${QUOTED}|[^;"()\n]{0,300})(?:\s*,\s*(?:${QUOTED}|[^;"()\n]{0,100}))*)?)?\s*;`;
const ADDRESS = String.raw`!?(?:any|\$?[\w.:/]{1,60}|\[[\w.:/,!$ ]{1,200}\])`;
const RULE_LINE = new RegExp(String.raw`^#?\s*(?:alert|drop|reject|rejectsrc|rejectdst|rejectboth|pass|log|sdrop|config)\s+[a-z][a-z0-9-]{1,12}\s+${ADDRESS}\s+${ADDRESS}\s+(?:->|<>)\s+${ADDRESS}\s+${ADDRESS}\s*\((?:${OPTION})+\s*\)$`, 'i');
const COMMENT_LINE = /^#(?:[^\n]{0,300})$/;

function isSnortRules(text: string): boolean {
  let rules = 0;
  for (const line of trimmedLines(text)) {
    if (line === '') continue;
    if (RULE_LINE.test(line)) {
      rules++;
      continue;
    }
    if (COMMENT_LINE.test(line) && !/^#\s*(?:alert|drop|reject|pass)\s/i.test(line)) continue;
    return false;
  }
  return rules > 0;
}

// ---- Wazuh / OSSEC XML -------------------------------------------------------------------------------------
const XML_NAME = '[A-Za-z_][\\w.-]{0,40}';
const XML_ATTRS = `(?:\\s+${XML_NAME}\\s*=\\s*"[^"<>&\\n]{0,200}")*`;
const XML_OPEN = new RegExp(`^<(${XML_NAME})${XML_ATTRS}\\s*/?>$`);
const XML_CLOSE = new RegExp(`^</(${XML_NAME})\\s*>$`);
/** A leaf on one line: its text may hold `<` (an entity-decoded pattern) but no tag, declaration or instruction. */
const XML_LEAF = new RegExp(`^<(${XML_NAME})${XML_ATTRS}\\s*>((?:[^<\\n]|<(?![/!?]))*)</(${XML_NAME})\\s*>$`);
const XML_COMMENT = /^<!--(?:(?!--)[^\n]){0,300}-->$/;
const WAZUH_ROOT = /^<(?:group|var|decoder)\b/;

function isWazuhXml(text: string): boolean {
  if (text.includes('<!DOCTYPE') || text.includes('<!ENTITY') || text.includes('<![CDATA[') || text.includes('<?')) return false;
  const stack: string[] = [];
  let rules = 0;
  let first = true;
  for (const line of trimmedLines(text)) {
    if (line === '' || XML_COMMENT.test(line)) continue;
    if (first) {
      if (!WAZUH_ROOT.test(line)) return false;
      first = false;
    }
    const leaf = XML_LEAF.exec(line);
    if (leaf !== null) {
      if (leaf[1] !== leaf[3]) return false;
      // An entity other than the five XML ones (or a numeric one) is refused: no external entity reaches here.
      if (/&(?!(?:lt|gt|amp|quot|apos|#\d{1,6}|#x[0-9a-fA-F]{1,6});)/.test(leaf[2])) return false;
      continue;
    }
    const open = XML_OPEN.exec(line);
    if (open !== null) {
      if (open[1] === 'rule' || open[1] === 'decoder') rules++;
      if (!line.endsWith('/>')) stack.push(open[1]);
      continue;
    }
    const close = XML_CLOSE.exec(line);
    if (close !== null && stack.pop() === close[1]) continue;
    return false;
  }
  return rules > 0 && stack.length === 0;
}

// ---- Sigma and CrowdSec YAML ----------------------------------------------------------------------------------
/** A YAML line of plain keys, list items and scalars; a quoted scalar may hold anything but its quote. */
const YAML_LINE = /^(?:-\s+)?(?:[\w.|-]{1,80}\s*:(?:\s+|$))?(?:'(?:[^'\n]|'')*'|"(?:[^"\\\n]|\\.)*"|[^'"\s#&*!|>{[][^#\n]{0,300}?)?\s*(?:#[^\n]{0,200})?$/;
const YAML_UNSAFE_PLAIN = /\$\{|\$\(|`|<|!!/;

function yamlKeys(text: string): Set<string> | null {
  const keys = new Set<string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (!YAML_LINE.test(line)) return null;
    // Outside quotes no template, command substitution, markup or YAML tag.
    const unquoted = line.replace(/'(?:[^'\n]|'')*'|"(?:[^"\\\n]|\\.)*"/g, '');
    if (YAML_UNSAFE_PLAIN.test(unquoted)) return null;
    if (raw[0] !== ' ' && raw[0] !== '-') {
      const colon = line.indexOf(':');
      if (colon > 0) keys.add(line.slice(0, colon));
    }
  }
  return keys;
}

const SIGMA_KEYS = new Set(['title', 'id', 'name', 'status', 'description', 'author', 'date', 'modified', 'references', 'tags', 'logsource', 'detection', 'falsepositives', 'level', 'fields', 'related', 'license', 'taxonomy', 'scope']);
const CROWDSEC_KEYS = new Set(['type', 'name', 'description', 'filter', 'groupby', 'distinct', 'capacity', 'leakspeed', 'blackhole', 'labels', 'debug', 'reprocess', 'cache_size', 'overflow_filter', 'format', 'references', 'condition', 'duration', 'scope', 'data']);

function isSigmaOrScenario(text: string): boolean {
  if (!/^(?:title|type|name)\s*:/m.test(text)) return false;
  const keys = yamlKeys(text);
  if (keys === null) return false;
  const all = [...keys];
  if (keys.has('title') && keys.has('logsource') && keys.has('detection') && /^\s+condition\s*:/m.test(text)) return all.every((k) => SIGMA_KEYS.has(k));
  if (keys.has('type') && keys.has('filter') && /^type\s*:\s*(?:leaky|trigger|counter|conditional|bayesian)\s*$/m.test(text)) return all.every((k) => CROWDSEC_KEYS.has(k));
  return false;
}

// ---- YARA ---------------------------------------------------------------------------------------------------
const YARA_LINE = new RegExp(
  [
    String.raw`^import\s+"[\w.]{1,20}"$`,
    String.raw`^(?:private\s+|global\s+)*rule\s+[A-Za-z_]\w{0,127}(?:\s*:\s*[\w ]{1,200})?\s*\{?$`,
    String.raw`^[{}]$`,
    String.raw`^(?:meta|strings|condition)\s*:$`,
    // meta: key = "text" | number | boolean
    String.raw`^[A-Za-z_]\w{0,60}\s*=\s*(?:"(?:[^"\\\n]|\\.)*"|-?\d{1,20}|true|false)$`,
    // strings: $name = "text" | { hex } | /regex/ with modifiers
    String.raw`^\$\w{0,60}\s*=\s*(?:"(?:[^"\\\n]|\\.)*"|"[^\n]*"|\{[0-9A-Fa-f?\s[\]()|~-]{1,2000}\}|/(?:[^/\\\n]|\\.)+/[is]{0,2})(?:\s+(?:nocase|ascii|wide|fullword|private|xor|base64|base64wide)(?:\([^()\n]{0,40}\))?)*$`,
    // condition: an expression of identifiers, counts, offsets, numbers and operators
    String.raw`^[\w\s$#@!()<>=.*,+\-]{1,300}$`,
  ].join('|'),
);

function isYara(text: string): boolean {
  if (!/^\s*(?:import\s+"|(?:private\s+|global\s+)*rule\s)/.test(text) || !text.includes('condition')) return false;
  let rules = 0;
  for (const line of trimmedLines(text)) {
    if (line === '' || /^\/\/[^\n]{0,300}$/.test(line)) continue;
    if (!YARA_LINE.test(line)) return false;
    if (/^(?:private\s+|global\s+)*rule\s/.test(line)) rules++;
  }
  return rules > 0;
}

// ---- fail2ban filter ----------------------------------------------------------------------------------------
const F2B_KEYS = /^(?:failregex|ignoreregex|datepattern|prefregex|journalmatch|maxlines|before|after|_daemon|_prefix_line|__prefix_line|mode|usedns|ignorecommand|[a-z]{1,20}_re)$/;

function isFail2banFilter(text: string): boolean {
  if (!text.includes('[Definition]') || !text.includes('failregex')) return false;
  let key = '';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || /^\s*[#;]/.test(line)) continue;
    if (/^\[(?:Definition|INCLUDES|Init)\]\s*$/.test(line)) {
      key = '';
      continue;
    }
    const kv = /^([A-Za-z_][\w]{0,40})\s*=/.exec(line);
    if (kv !== null) {
      if (!F2B_KEYS.test(kv[1]) && !/^(?:before|after)$/.test(kv[1])) return false;
      key = kv[1];
      continue;
    }
    // A continuation line of a multi-line regex list.
    if (/^\s/.test(line) && (key === 'failregex' || key === 'ignoreregex' || key === 'prefregex' || key === 'journalmatch')) continue;
    return false;
  }
  return true;
}

// ---- ModSecurity ---------------------------------------------------------------------------------------------
const SECRULE = /^SecRule\s+[\w:|!&.,/@-]{1,300}\s+"(?:[^"\\\n]|\\.)*"(?:\s+"(?:[^"\\\n]|\\.)*")?\s*$/;
const SEC_DIRECTIVE = /^Sec(?:RuleRemoveById|RuleRemoveByTag|RuleUpdateTargetById|RuleUpdateTargetByTag|Marker|Action|DefaultAction)\s+[^\n]{1,300}$/;

function isModSecurityRules(text: string): boolean {
  if (!text.includes('SecRule') || /\bexec\s*:/i.test(text)) return false;
  const joined = text.replace(/\\\r?\n\s*/g, ' ');
  let rules = 0;
  for (const line of trimmedLines(joined)) {
    if (line === '' || /^#[^\n]{0,300}$/.test(line)) continue;
    if (SECRULE.test(line)) rules++;
    else if (!SEC_DIRECTIVE.test(line)) return false;
  }
  return rules > 0;
}

/** True when the whole text is detection rules of one format (see the module comment). */
export function isDetectionRuleText(text: string): boolean {
  if (text.length > MAX_CHARS || text.length < 20) return false;
  let at = 0;
  while (at < 64 && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 10 || text.charCodeAt(at) === 13 || text.charCodeAt(at) === 9)) at++;
  const head = text.slice(at, at + 16);
  const c = head.charCodeAt(0);
  if (c === 60 /* < */) return isWazuhXml(text);
  if (c === 91 /* [ */) return isFail2banFilter(text);
  if (head.startsWith('Sec')) return isModSecurityRules(text);
  if (/^(?:#|alert|drop|reject|pass|log|sdrop)\b/i.test(head) && isSnortRules(text)) return true;
  return isYara(text) || isSigmaOrScenario(text);
}

/**
 * Words of a security tool's rule-editing route (`/snort/snort_rules.php`, `/api/detections/sigma/import`,
 * `/v1/hub/scenarios/local/…`, `/api/ids/settings/set`). A rule text quotes attacks by design, so it is taken
 * only where such a tool takes it: on any other route the same text is what an attacker wraps a payload in
 * (`content:"' OR 1=1 -- "` in a search field breaks out of the application's SQL as plainly as the bare
 * injection; session 32 found a Snort-rule-shaped SQLi and XSS passing to `/search`). The route, not the
 * query or body, decides: those are the sender's to choose.
 */
const RULE_ROUTE_WORDS = new Set([
  'rule', 'rules', 'ruleset', 'rulesets', 'customrules', 'detection', 'detections', 'signature', 'signatures',
  'sigma', 'yara', 'snort', 'suricata', 'wazuh', 'ossec', 'ids', 'ips', 'waf', 'crowdsec', 'scenario', 'scenarios',
  'fail2ban', 'modsecurity', 'modsec', 'hunting', 'exclusions',
]);

/** Whether the request path is a rule editor's route: one of its words (split at anything but a letter or digit) names rules or a detection tool. */
export function isRuleEditorPath(rawPath: string): boolean {
  const path = rawPath.length > 512 ? rawPath.slice(0, 512) : rawPath;
  for (const word of path.toLowerCase().split(/[^a-z0-9]+/)) if (word.length >= 3 && RULE_ROUTE_WORDS.has(word)) return true;
  return false;
}

/**
 * The Wazuh dashboard's API proxy (`POST /api/request`, the envelope `{"method","path","body","id"}` that the
 * dashboard's server forwards to the Wazuh manager's API as `method path`): its rule editor saves a file through it as
 * `{"method":"PUT","path":"/rules/files/local_rules.xml?overwrite=true","body":{"body":"<group …>","origin":"raw"},"id":"…"}`.
 * The route that takes the rule text is the forwarded one, so this request is a rule editor's when, and only when,
 * it is exactly that envelope: this path, POST, a JSON body of those four keys and nothing else, a write method, a
 * forwarded path that is one of the manager's rule, decoder or CDB-list file routes (a plain file name, a query of
 * plain `name=value` words), the file's text under `body.body` with at most a word of `origin` beside it, and an `id`
 * of one word. Any other body on `/api/request` (another application's endpoint of that name, another field holding
 * the text, a forwarded path to anything else) is not taken: its rule-shaped texts stay scored as on any route.
 */
const PROXY_PATH = '/api/request';
const PROXY_FORWARDED_FILE = /^\/(?:rules|decoders|lists)\/files\/[\w.-]{1,120}(?:\?\w{1,30}=\w{1,30}(?:&\w{1,30}=\w{1,30}){0,4})?$/;
const PROXY_WORD = /^[\w.-]{1,64}$/;
const MAX_PROXY_BODY = 1 << 20;

export function isRuleFileProxySave(method: string, rawPath: string, contentType: string, body: Buffer | undefined): boolean {
  if (rawPath !== PROXY_PATH || method !== 'POST' || contentType !== 'application/json' || body === undefined || body.length > MAX_PROXY_BODY) return false;
  let doc: unknown;
  try {
    doc = JSON.parse(body.toString('utf8'));
  } catch {
    return false;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return false;
  const envelope = doc as Record<string, unknown>;
  const keys = Object.keys(envelope);
  if (keys.length !== 4 || !keys.every((k) => k === 'method' || k === 'path' || k === 'body' || k === 'id')) return false;
  if ((envelope.method !== 'PUT' && envelope.method !== 'POST') || typeof envelope.path !== 'string' || !PROXY_FORWARDED_FILE.test(envelope.path)) return false;
  if (typeof envelope.id !== 'string' || !PROXY_WORD.test(envelope.id)) return false;
  const inner = envelope.body;
  if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return false;
  const innerKeys = Object.keys(inner);
  const fields = inner as Record<string, unknown>;
  if (typeof fields.body !== 'string' || !innerKeys.every((k) => k === 'body' || (k === 'origin' && typeof fields.origin === 'string' && PROXY_WORD.test(fields.origin)))) return false;
  return true;
}

/** Whether the request is a rule editor's: its route names rules or a detection tool, or it is the Wazuh dashboard's proxy envelope of a rule file's save. */
export function isRuleEditorRequest(inspection: { method: string; rawPath: string; contentType: string; body?: Buffer }): boolean {
  return isRuleEditorPath(inspection.rawPath) || isRuleFileProxySave(inspection.method, inspection.rawPath, inspection.contentType, inspection.body);
}

/** A Wazuh rule file's element whose value is a rule's pattern or text (its body as a whole is recognised by the caller). */
export function isRuleDocumentElementName(name: string): boolean {
  return name.startsWith('/group/rule/') || name.startsWith('/group/decoder/') || name.startsWith('/decoder/');
}
