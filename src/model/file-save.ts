/**
 * A file editor's save: the path a hosting panel, a server console or a config tool writes, sent beside the
 * file's text (cPanel's `Fileman/save_file_content` `dir=/etc/nginx/sites-available&file=…&content=server {…}`,
 * DirectAdmin's `path=/etc/haproxy&filename=haproxy.cfg&text=…`, a panel API's `{"path": "/etc/redis/redis.conf",
 * "content": "bind 127.0.0.1\n…"}`). The path's field is a file sink by its name (`path`, `dir`, `file`), so
 * path-mention.ts scores a bare `/etc/…` path in it as a local-file inclusion: 0.83-0.97 on six config saves of
 * blind benign sets 5 and 7 (read), and the `config-editor` family.
 *
 * What tells the two apart is the request, not the value: an inclusion or a read names a file and asks for it;
 * a save names a file and carries what goes into it. So a bare path in a field whose name is only a location
 * (`path`, `dir`, `file`, `filename`, `filepath`, `directory`, `folder`, `location`) of a body is read as the
 * mention of a file being written when the same body holds a field whose name says it is the file's text
 * (`content`, `contents`, `text`, `data`, `body`, `source`, `code`, `file_content`) and whose value is several lines
 * of text. Not lifted: a field that includes, renders or serves (`page`, `template`, `include`, `lang`); a query
 * (`?path=/etc/nginx/nginx.conf` is a read); a never-mentioned file (`/etc/passwd`, `/etc/shadow`,
 * `/proc/self/environ`), a traversal, a wrapper or an encoding trick (isMentionablePath refuses them all);
 * and the file's text itself, which stays scored as before: a web shell written to `/var/www/html/x.php`
 * still has its code judged.
 */
import type { Inspection, Target } from '../inspect/types.js';
import { fieldNameWords, isMentionablePath } from './path-mention.js';

/** The words of a field that says where a file is, and nothing of what is done with it. */
const LOCATION_WORDS = new Set(['path', 'dir', 'directory', 'folder', 'file', 'filename', 'filepath', 'location', 'name', 'full', 'target', 'dest', 'destination']);

/** Whether a field of this name names the location of a file being saved (`path`, `dir`, `file_path`, `target_path`). */
export function isSaveLocationName(name: string): boolean {
  const words = fieldNameWords(name);
  if (words.length === 0 || words.length > 3) return false;
  return words.every((w) => LOCATION_WORDS.has(w)) && words.some((w) => w !== 'name' && w !== 'full' && w !== 'target' && w !== 'dest' && w !== 'destination');
}

/** The last word of a field that holds a file's text. */
const CONTENT_WORDS = new Set(['content', 'contents', 'text', 'data', 'body', 'source', 'code', 'filecontent', 'filedata']);

/** At least this many lines (two line breaks) and this many characters: a file, not a one-line value. */
const MIN_LINE_BREAKS = 2;
const MIN_CONTENT_CHARS = 40;

function countLineBreaks(text: string, max: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && n < max; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A body value that is a file's text by its field's name and its lines. */
function isFileContent(target: Target): boolean {
  if (target.location !== 'body' || target.role !== 'value') return false;
  const words = fieldNameWords(target.name);
  const last = words.at(-1);
  if (last === undefined || !CONTENT_WORDS.has(last)) return false;
  const texts = [target.raw, ...target.decoded];
  for (const text of texts) {
    if (text.length >= MIN_CONTENT_CHARS && countLineBreaks(text, MIN_LINE_BREAKS) >= MIN_LINE_BREAKS) return true;
  }
  return false;
}

/**
 * Whether the request's body saves a file: some body value is a file's text (above). Asked by the model gate
 * only once a save-location field's bare path has passed the screen, so other requests pay nothing.
 */
export function bodySavesFile(targets: readonly Target[]): boolean {
  const limit = Math.min(targets.length, 4096);
  for (let i = 0; i < limit; i++) if (isFileContent(targets[i])) return true;
  return false;
}

/** Whether this target is the location field of a body save (its name; the request is asked by `bodySavesFile`). */
export function mayBeSaveLocation(target: Target): boolean {
  return target.location === 'body' && target.role === 'value' && isSaveLocationName(target.name);
}

/** Methods that write: a read (`GET ?path=/etc/nginx/nginx.conf`) names the file it asks for. */
const WRITE_METHODS = new Set(['PUT', 'POST', 'PATCH']);

/**
 * A query's location field that names the very file the body saves (`PUT /api/v1/files?path=%2Fetc%2Fhttpd%2Fconf.d%2Fapi.conf`
 * beside `{"path":"/etc/httpd/conf.d/api.conf","content":"…"}`): a write method, a field named only a location, and its
 * value, as sent or URL-decoded, the same text as a body location field's. The body must still save a file
 * (`bodySavesFile`, asked by the caller), and the path be a mentionable one (path-mention.ts, asked by the caller):
 * a query naming another file, or a read, stays a sink's.
 */
export function namesBodySaveLocation(target: Target, targets: readonly Target[], method: string): boolean {
  if (target.location !== 'query' || target.role !== 'value' || !WRITE_METHODS.has(method) || !isSaveLocationName(target.name)) return false;
  const limit = Math.min(targets.length, 4096);
  for (let i = 0; i < limit; i++) {
    const other = targets[i];
    if (!mayBeSaveLocation(other)) continue;
    if (other.raw === target.raw || target.decoded.includes(other.raw)) return true;
  }
  return false;
}

/**
 * Ajenti's file editor writes a file by naming it in the route, its text the body: `POST /api/filesystem/write/etc/redis/redis.conf`
 * (Content-Type text/plain). The model scored the route as a request for `/etc/…` (0.83-0.998; issue 14's `config-editor`
 * family: 85 of seed 7's 348 blocked). Taken as the mention of the file written only when it is exactly that: POST, that
 * route's prefix, the rest a mentionable absolute path as sent (no percent escape, no traversal, never `/etc/passwd`,
 * `/etc/shadow`, `/proc/…`: isMentionablePath), and a body of several lines of text, not a form or an upload. The body,
 * the file's text, is scored as before: a web shell written to `/var/www/html/x.php` is judged by its code.
 */
const WRITE_ROUTE = '/api/filesystem/write/';
const WRITE_BODY_KINDS = new Set(['text', 'json', 'xml']);

export function isFileWriteRoute(target: Target, inspection: Pick<Inspection, 'method' | 'rawPath' | 'body' | 'bodyKind'>): boolean {
  if (target.location !== 'path' || target.name !== 'path' || inspection.method !== 'POST' || !target.raw.startsWith(WRITE_ROUTE) || target.raw !== inspection.rawPath) return false;
  const file = target.raw.slice(WRITE_ROUTE.length - 1);
  if (file.includes('%') || !isMentionablePath(file)) return false;
  if (!WRITE_BODY_KINDS.has(inspection.bodyKind) || inspection.body === undefined || inspection.body.length < MIN_CONTENT_CHARS) return false;
  return countLineBreaks(inspection.body.toString('latin1', 0, 4096), MIN_LINE_BREAKS) >= MIN_LINE_BREAKS;
}
