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
import type { Target } from '../inspect/types.js';
import { fieldNameWords } from './path-mention.js';

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
