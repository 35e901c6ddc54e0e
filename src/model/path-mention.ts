/**
 * A path *mentioned* in a field versus a path a field *opens*. The shared attack collections label bare
 * paths as local-file inclusion (`?p=/var/log/apache2/access.log`, `/etc/hosts`, `.htaccess`), and the
 * model has learnt that: a bare path scores as an attack whatever field it is in. But a log-path setting
 * (`{"log_file": "/var/log/nginx/access.log"}`), a search for `/etc/hosts`, a file browser listing
 * `.htaccess` or a watch list of config files carry the very same values, and the value alone cannot
 * tell them apart. The field can: an inclusion needs a parameter the application reads as a file to
 * include or serve (`page`, `file`, `template`, `include`, `lang`, an opaque `p`), while a search box, a
 * comment, a name, or a setting that declares which file it is (`log_file`, `config_path`, `pid_file`)
 * only names it.
 *
 * So a target is a *path mention* when all of these hold, and the model gate then treats it like a
 * declared script: only a signature hit on it sends it to the model.
 * - It is a field value (not a key, and not an upload's filename: uploading `.htaccess` is an attack).
 * - Every form the gate would score is a bare path: an absolute POSIX path, a home path, a Windows
 *   drive or UNC path, or a relative path or dot-file name (or an HTTP request line naming an absolute
 *   path, `GET /wp-login.php`, as a log search writes it) — nothing else around it: no traversal
 *   (`..`), no NUL or control character, no scheme or stream wrapper, no query, no quote, shell or
 *   template syntax, and no encoding trick in the raw value (double or overlong encoding, `0x2e`).
 *   Whatever follows or disguises a path in an attack (`%00`, `../`, `php://`, `;id`) keeps it out.
 * - It does not name a file that no benign field holds as its whole value: account and password
 *   databases, private and authorized keys, unattended-install answer files (they hold the
 *   administrator's password), a process's own environment, the Windows boot files and registry hives,
 *   a Java web application's deployment descriptor. Those stay evidence in every field.
 * - Its field name is not a file sink (see `isFileSinkName`; a stack frame's file field never is).
 */
import type { Target } from '../inspect/types.js';
import { hasPercentEscape, plainFormExists } from './scored-forms.js';
import { isInStackTrace } from './stack-frames.js';

/**
 * A whole value that is a path and nothing else: path characters only (letters of any script, digits,
 * `_ . - ~ + ,`). Windows drive (`C:\`, `c:/`), environment-variable (`%USERPROFILE%\`, `%MY_DOCUMENTS%\`: a backup tool's
 * source folders; blind benign set 11, read: 0.87 on the trailing backslash) and UNC (`\\host\share`) paths may hold single spaces
 * inside a segment, as `Program Files` has; absolute (`/`), home (`~/`) and relative (`config/app.yml`,
 * `.env.local`) paths may not (`/bin/ls -al` is a command line).
 */
const SEGMENT = '[\\p{L}\\p{N}_.~+,-]+';
const SPACED_SEGMENT = `${SEGMENT}(?: ${SEGMENT})*`;
const WINDOWS_PATH = new RegExp(`^(?:[A-Za-z]:[\\\\/]|%[A-Za-z_][A-Za-z0-9_]{0,31}%[\\\\/]|\\\\\\\\(?=[\\p{L}\\p{N}]))(?:${SPACED_SEGMENT}(?:[\\\\/]${SPACED_SEGMENT})*[\\\\/]?)?$`, 'u');
const OTHER_PATH = new RegExp(`^(?:~?[\\\\/]|(?=[\\p{L}\\p{N}_]|\\.[\\p{L}_]))(?:${SEGMENT}(?:[\\\\/]${SEGMENT})*[\\\\/]?)?$`, 'u');

/** A path needs a separator or a leading dot to be one (a bare word is a word). */
function looksLikePath(text: string): boolean {
  return text.includes('/') || text.includes('\\') || text.charCodeAt(0) === 46;
}

/**
 * Files no field holds as its whole value in ordinary traffic: reading them is the point of a
 * file-inclusion probe. (`/etc/hosts`, logs, `.htaccess`, `nginx.conf`, `~/.ssh/config` are not here:
 * settings, searches and file lists name them every day.)
 */
const NEVER_MENTIONED =
  /(?:^|[\\/])(?:passwd|master\.passwd|shadow|gshadow|\.htpasswd|sudoers|id_(?:rsa|dsa|ecdsa|ed25519)|authorized_keys|unattend(?:ed)?\.(?:xml|txt)|sysprep\.(?:inf|xml)|win\.ini|boot\.ini|system\.ini|web\.xml|global\.asa)$|(?:^|[\\/])proc[\\/](?:self|\d+)[\\/]|(?:^|[\\/])(?:environ|cmdline)$|(?:^|[\\/])(?:system32[\\/]config|repair)[\\/](?:sam|system|security|software)$|(?:^|[\\/])web-inf(?:[\\/]|$)/i;

/** Whether `text` names a file no one mentions but to read it (`/etc/passwd`, `/proc/self/environ`, `id_rsa`, `WEB-INF/`). */
export function namesNeverMentionedFile(text: string): boolean {
  return NEVER_MENTIONED.test(text);
}

/**
 * Words of a field name whose field an application reads as a file to include, render or serve: the
 * parameters local-file inclusion goes through (`?page=`, `?file=`, `?template=`, `?lang=`).
 */
const SINK_WORDS = new Set([
  'file', 'filename', 'filepath', 'fname', 'fn', 'path', 'page', 'pg', 'template', 'tpl', 'tmpl', 'include', 'inc',
  'require', 'doc', 'document', 'folder', 'dir', 'directory', 'load', 'read', 'open', 'view', 'layout', 'lang',
  'language', 'locale', 'module', 'mod', 'style', 'theme', 'skin', 'conf', 'config', 'cat', 'show', 'site',
  'src', 'source', 'resource', 'download', 'get', 'fetch', 'pdf', 'img', 'image', 'url', 'uri',
]);

/**
 * Qualifiers that keep a file field a sink (`include_file`, `template_path`, `lang_dir`): what the
 * application does with the file, as opposed to which file a setting names (`log_file`, `config_path`).
 */
const SINK_QUALIFIERS = new Set([
  'include', 'inc', 'require', 'template', 'tpl', 'tmpl', 'page', 'view', 'layout', 'lang', 'language', 'locale',
  'module', 'load', 'read', 'open', 'show', 'download', 'src', 'source', 'resource', 'doc', 'document', 'style',
  'theme', 'skin', 'get', 'fetch', 'upload', 'import', 'render',
]);

/** Words that say what kind of value a setting holds, not what is done with it (`log_file`, `config_path`). */
const TYPE_WORDS = new Set(['file', 'filename', 'filepath', 'path', 'dir', 'directory', 'folder', 'location', 'name']);

/**
 * Encodings nobody applies to a path they merely name: double percent-encoding, overlong UTF-8, `%u`
 * escapes, hex-spelled dots and slashes (`0x2e0x2e`). A value wearing one hides its path from a filter.
 */
const ENCODING_TRICK = /%25[0-9a-f]{2}|%c[01]|%e0%[89]|%u[0-9a-f]{4}|0x(?:2e|2f|5c)/i;

/** A property of one object in a named list: `services[0].path`, `a.b[12].file_name` (not a top-level array's `[0].path`). */
const LIST_RECORD_FIELD = /[A-Za-z_][\w-]*\[\d+\]\.[A-Za-z_][\w-]*$/;

/** Short names that are searches by convention (`?q=`, `?s=` in WordPress), not opaque sinks. */
const SEARCH_SHORT_NAMES = new Set(['q', 's', 'qs', 'kw']);

/** The words of a field's own name: the last segment of `a.b[0].log_file`, split at `_ - [ ]` and camelCase. */
export function fieldNameWords(name: string): string[] {
  let end = name.length;
  // `watch[1]` is the element of `watch`; `filter[path]` is the `path` of a filter.
  while (end > 0 && name.charCodeAt(end - 1) === 93 /* ] */) {
    const open = name.lastIndexOf('[', end - 1);
    if (open < 0) break;
    const inner = name.slice(open + 1, end - 1);
    if (inner !== '' && !/^\d+$/.test(inner)) return splitWords(inner);
    end = open;
  }
  const dot = name.lastIndexOf('.', end - 1);
  return splitWords(name.slice(dot + 1, end));
}

function splitWords(segment: string): string[] {
  return segment
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/**
 * True when a field of this name is read as a file: one sink word (`page`, `file`, `template`), an
 * opaque one- or two-letter name (`p`, `f`, but not the search names `q`/`s`), a name made only of
 * type words (`file_path`), or a qualified name whose qualifier is itself a sink (`include_file`,
 * `template_path`). A qualified setting (`log_file`, `config_path`, `pid_file`), a descriptive name
 * (`q`, `search`, `message`, `comment`, `name`, `note`) or a list (`watch`, `exclude`) is not.
 */
export function isFileSinkName(name: string): boolean {
  // A stack frame's `filename`/`file` names the source file its code ran from (stack-frames.ts).
  if (isInStackTrace(name)) return false;
  const words = fieldNameWords(name);
  // One record of a named list (`services[0].path`, `modules[2].file`, `files[3].filename`): an inventory,
  // a listing or a manifest names each item's file beside its other properties, and a type word says what the
  // property holds (blind benign set 14, read: an inventory agent's `C:\\Windows\\System32\\spoolsv.exe`, 0.98).
  // An application reads a file from a parameter of its own, not from the nth record of a list; a sink word
  // (`items[0].template`, `pages[1].include`) keeps the field a sink.
  if (LIST_RECORD_FIELD.test(name) && words.length > 0 && words.every((w) => TYPE_WORDS.has(w))) return false;
  if (words.length === 0) return true;
  if (words.length === 1) {
    const w = words[0];
    if (SEARCH_SHORT_NAMES.has(w)) return false;
    return w.length <= 2 || SINK_WORDS.has(w);
  }
  const qualifiers = words.filter((w) => !TYPE_WORDS.has(w));
  if (qualifiers.length === 0) return true;
  return qualifiers.some((w) => SINK_QUALIFIERS.has(w));
}

/**
 * `isFileSinkName` per field name, remembered: the same names (a browser's headers, a form's fields)
 * come with nearly every request, and splitting one into words costs three regex passes and their
 * arrays, ~15 µs a request with the caches cold in the proxy (issue 14). Short names only, and the
 * map is emptied when full, so a client sending endless new names cannot grow it.
 */
const sinkNames = new Map<string, boolean>();
const SINK_NAMES_MAX = 4096;
const SINK_NAME_MAX_CHARS = 64;

function isFileSinkNameRemembered(name: string): boolean {
  if (name.length > SINK_NAME_MAX_CHARS) return isFileSinkName(name);
  let sink = sinkNames.get(name);
  if (sink === undefined) {
    sink = isFileSinkName(name);
    if (sinkNames.size >= SINK_NAMES_MAX) sinkNames.clear();
    sinkNames.set(name, sink);
  }
  return sink;
}

/**
 * An HTTP request line naming an absolute path (`GET /wp-login.php`, `POST /api/login HTTP/1.1`), as a
 * log search, an alert rule or an uptime check writes it: the path it names is judged as a bare one.
 * One space, no line break: a request smuggled into a value comes with its headers.
 */
const REQUEST_LINE = /^(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (\/\S*?)(?: HTTP\/[12](?:\.[01])?)?$/;

/**
 * An absolute route or file glob, as access policies, cache rules and watch lists write them (`/admin/*`,
 * `/debug/pprof/*`, `/var/log/nginx/*.log`, `/assets/**`): path segments of which some are a wildcard (`*`,
 * `**`) or end in one (`access*`), or start with one before an extension (`*.log`). The model reads `/*` as
 * an SQL comment opener (`/admin/*` in a policy's list of admin paths, 0.96 in blind benign set 8); no quote,
 * operator or SQL word goes with it here, so there is nothing for a comment to hide.
 */
const GLOB_SEGMENT = '(?:\\*{1,2}|\\*\\.[\\p{L}\\p{N}_~+-]+|[\\p{L}\\p{N}_.~+,-]+\\*?)';
const GLOB_PATH = new RegExp(`^/${GLOB_SEGMENT}(?:/${GLOB_SEGMENT})*/?$`, 'u');
const GLOB_SQL_WORD = /(?:^|\/)(?:union|select|insert|update|delete|drop|and|or|not|sleep|benchmark|waitfor|exec|having|where|from)\*?(?:\/|$)/i;

export function isMentionableGlob(t: string): boolean {
  return t.length <= 260 && GLOB_PATH.test(t) && !t.includes('..') && !GLOB_SQL_WORD.test(t) && !NEVER_MENTIONED.test(t.replace(/\*+/g, ''));
}

/** True when `text` is a bare path (see the module comment), a request line naming one, or an absolute glob, that is not a never-mentioned file. */
export function isMentionablePath(text: string): boolean {
  const line = REQUEST_LINE.exec(text.trim());
  const t = line !== null ? line[1] : text.trim();
  if (t.length < 2 || t.length > 260 || !looksLikePath(t) || t.includes('..') || t.includes('--')) return false;
  if (line === null && t.includes('*')) return isMentionableGlob(t);
  if (!WINDOWS_PATH.test(t) && !OTHER_PATH.test(t)) return false;
  return !NEVER_MENTIONED.test(t);
}

/**
 * A Windows path whose separators stand before a segment starting with `n`, `t`, `r`, `b`, `f` or `v`
 * (`C:\Windows\System32\ntdll.dll`, `D:\backup\nightly`, `C:\temp\reports`): the JavaScript-escape decoder reads
 * `\n` as a line break and `\t` as a tab, and the form it makes is no path, so a crash report's module list or a
 * backup tool's source folder (`modules[0]`: 0.9989 in blind benign set 13, read) lost its mention. Those escapes
 * make only whitespace and control characters, which open nothing in a path. A segment of digits (`E:\video\raw\11281`,
 * a numbered folder) reads as an octal escape, and `\x41` as a hex one: they may spell a letter or a digit, which
 * opens nothing either; a raw value with an escape that spells anything else (`\x2e`, `\u002e`, an octal `\56` for a
 * dot, `\57` for a slash) keeps every decoded form judged, unless it opens a numbered folder of four digits or more.
 */
const SPELLING_ESCAPE = /\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|u\{([0-9A-Fa-f]{1,6})\}|([0-3][0-7]{0,2}|[4-7][0-7]?))/g;
const SPELLED_HARMLESS = /^[\p{L}\p{N}\s\p{Cc}]$/u;

/** A numbered folder: a segment of four digits or more, longer than any octal escape (`\24559`, `\5385`). */
const NUMBERED_SEGMENT = /^\\\d{4,}(?:\\|$)/;

function spellsOnlyHarmless(raw: string): boolean {
  for (const m of raw.matchAll(SPELLING_ESCAPE)) {
    // An octal escape that opens a numbered folder spells one char with digits after it up to the next separator
    // (`raw\24559`: `¥59`, `\5385`: `+85`): no dot pair, slash, quote-and-operator or tag fits in that.
    if (m[4] !== undefined && NUMBERED_SEGMENT.test(raw.slice(m.index, m.index + 40))) continue;
    const code = m[1] !== undefined ? parseInt(m[1], 16) : m[2] !== undefined ? parseInt(m[2], 16) : m[3] !== undefined ? parseInt(m[3], 16) : m[4] !== undefined ? parseInt(m[4], 8) : -1;
    if (code < 0 || code > 0x10ffff || !SPELLED_HARMLESS.test(String.fromCodePoint(code))) return false;
  }
  return true;
}

/**
 * True when `raw` is a Windows path whose only JavaScript escapes are its separators read as escapes (see above):
 * the JavaScript-escape decoder's forms of it are no evidence, whatever field holds it (the gate does not score
 * them; a rule's hit still sends every form).
 */
export function isWindowsPathMisreadAsEscapes(raw: string): boolean {
  return raw.includes('\\') && WINDOWS_PATH.test(raw) && !NEVER_MENTIONED.test(raw) && spellsOnlyHarmless(raw);
}

/**
 * A Language Server Protocol document identifier: the `textDocument.uri` of a JSON-RPC message a browser IDE
 * sends its language server (`didOpen`, `didChange`, `completion`), a `file://` URI of a workspace file
 * (`file:///workspace/src/server.ts`, `file:///c%3A/src/app.ts`). The server takes it as the name of the
 * document whose text the messages carry, not as an address to fetch, so it is judged as the bare path it
 * names (model 0.998-1.0 and 9000503's scheme alert on it, blind benign set 8). Only a `file:` URI of an
 * absolute path with nothing after it: a host other than the empty one, a query, a fragment, a traversal, an
 * encoding trick or a never-mentioned file (`file:///etc/passwd`) keeps it evidence.
 */
const LSP_DOCUMENT_NAME = /(?:^|\.)textDocument\.uri$/;
const FILE_URI = /^file:\/\/(\/[^?#\s]*)$/i;

export function isLspDocumentUri(name: string, value: string): boolean {
  if (!LSP_DOCUMENT_NAME.test(name) || value.length > 300 || ENCODING_TRICK.test(value)) return false;
  const m = FILE_URI.exec(value);
  if (m === null) return false;
  let path: string;
  try {
    path = decodeURIComponent(m[1]);
  } catch {
    return false;
  }
  // `file:///c%3A/src/app.ts`: a drive path after the URI's slash.
  if (/^\/[A-Za-z]:\//.test(path)) path = path.slice(1);
  // A `%` or back-slash left after one decoding is an encoding nobody gives a document's name.
  if (/[%\\]/.test(path)) return false;
  // A folder's name may hold single spaces (`My%20Project`), as a Windows path's may; a command line is no document name either way.
  if (/^ | $| {2}/.test(path)) return false;
  return isMentionablePath(path.replace(/ /g, '_'));
}

/**
 * A Windows drive path naming a program's binary (`C:\Windows\System32\netapi32.dll`, `D:\apps\shop\shop.exe`, a
 * driver, a control-panel item, a symbol file): a crash report's faulting module, an inventory's service executable, a
 * loaded-module list (blind benign set 14 and the `report-blobs` family, read). File inclusion reads text, a config,
 * a log or source, or runs a script; a binary's bytes disclose nothing through it and no interpreter includes one, so
 * the field's name (`faulting_module`: `module` is an inclusion parameter) does not make it a sink. A UNC path (a DLL
 * loaded from another host) and every never-mentioned file stay evidence.
 */
const WINDOWS_BINARY = /^[A-Za-z]:[\\/](?:[^\\/]{1,255}[\\/]){0,30}[^\\/]{1,255}\.(?:dll|exe|sys|drv|ocx|cpl|mui|pdb)$/i;

/**
 * A numbered data folder on a Windows drive (`E:\\video\\raw\\24559`, `D:\\Finance\\2026`): a backup job's
 * `source_folders`, a sync client's `destination` (the `report-blobs` family: 14 of 400 blocked, 0.86 each). Its last
 * segment is a number (a run, a job, a year), no folder on its way is the system's own, and there is no file in it for
 * an inclusion to read. Only digits: the extensionless files local-file inclusion reads on Windows are named by words
 * (`xampp\\apache\\logs\\access_log`, `php\\sessions\\`, `drivers\\etc\\hosts`, `config\\SAM`; 30 of the shared
 * attack texts are such paths), and `\\Windows\\`, a UNC path, a traversal, a device name or a never-mentioned file keep
 * the path a sink's.
 */
const WINDOWS_NUMBERED_FOLDER = /^[A-Za-z]:\\(?:[A-Za-z0-9 _.-]{1,64}\\){0,16}\d{1,20}\\?$/;
const SYSTEM_FOLDER = /\\(?:windows|winnt|system32|syswow64|sysnative|inetpub|boot|recovery|system volume information)(?:\\|$)/i;
const DEVICE_NAME = /\\(?:con|prn|aux|nul|com\d|lpt\d)(?:\\|$)/i;

export function isWindowsDataFolder(raw: string): boolean {
  return raw.length <= 260 && WINDOWS_NUMBERED_FOLDER.test(raw) && !raw.includes('..') && !SYSTEM_FOLDER.test(raw) && !DEVICE_NAME.test(raw) && !NEVER_MENTIONED.test(raw);
}

/**
 * True when the target is a path named by its field rather than a path its field opens (module
 * comment). `maxDecoded` is the number of decoded forms the gate scores, so the check covers exactly
 * the forms the model would be asked about. `repositoryPage`: the request is a code forge's repository
 * page, whose query parameters name repository files whatever they are called. `savedFile`: the target is the
 * location field of a body that saves a file's text (file-save.ts), so its sink name does not make it a read.
 */
export function isPathMention(target: Target, maxDecoded: number, repositoryPage = false, savedFile = false): boolean {
  if (target.role !== 'value') return false;
  const { raw, decoded } = target;
  // Cheap exits first: most values have no separator and no leading dot.
  if (!looksLikePath(raw) && !decoded.some(looksLikePath)) return false;
  // On a code forge's repository page a query's `path` names a repository file (forge-paths.ts).
  // A save's location field (`dir`, `path`) beside the file's text names the file written (file-save.ts).
  // A program's binary (a crash report's `faulting_module`, an agent's `source` executable) is named, never included;
  // a numbered data folder (a backup job's `source_folders`) holds no file to include.
  const sinkName = !(repositoryPage && target.location === 'query') && !savedFile && !WINDOWS_BINARY.test(raw) && !isWindowsDataFolder(raw) && isFileSinkNameRemembered(target.name);
  if (sinkName || ENCODING_TRICK.test(raw)) return false;
  const n = Math.min(decoded.length, maxDecoded);
  const plain = plainFormExists(raw, decoded, n);
  const windowsPath = isWindowsPathMisreadAsEscapes(raw);
  let forms = 0;
  for (let f = 0; f <= n; f++) {
    const text = f === 0 ? raw : decoded[f - 1];
    if (text === '' || (plain && hasPercentEscape(text))) continue;
    if (windowsPath && f > 0 && target.decodedVia?.[f - 1]?.startsWith('js-escapes') === true) continue;
    if (!isMentionablePath(text)) return false;
    forms++;
  }
  return forms > 0;
}
