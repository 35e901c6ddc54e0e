/**
 * A configuration file saved whole is settings, not an injection (issue 14, session 23: blind benign set 5's
 * hosting panel saving `php.ini` — `[PHP]`, `memory_limit = 512M`, `disable_functions = exec,passthru,shell_exec,
 * system,proc_open,popen` — scored 0.999 for the function names it switches off).
 *
 * `isIniSettings(text)`: three lines or more, each empty, a `[section]` header, a `;` or `#` comment in words,
 * or a `key = value` setting — the key a name (`upload_max_filesize`, `opcache.enable`, `date.timezone`), the
 * value words, numbers with a unit, a comma- or space-separated list of names, an absolute path, or such a
 * text in double quotes — with two settings at least. A file of this grammar sets options; it runs nothing
 * through whatever reads it, except through the settings that make PHP (or another reader of INI files) load
 * or run a file or lift a guard, which keep the file scored: `auto_prepend_file`, `auto_append_file`,
 * `allow_url_include`/`allow_url_fopen` on, `disable_functions`/`disable_classes`/`open_basedir` emptied,
 * `extension`/`zend_extension`, `sendmail_path`, `error_log`, `include_path`, `user_ini.filename`,
 * `session.save_path`, `mail.log`, `cgi.*`, `*.dl`, and any value naming a script file or a URL scheme.
 * A body value that is one is not scored, as a quoted program is (quoted-program.ts); a blocking rule's hit
 * still decides.
 */

const MAX_CHARS = 8192;

const SECTION = /^\[[\w .:/-]{1,64}\]$/;
const COMMENT = /^[;#][\p{L}\p{N} .,:()/'-]*$/u;
const SETTING = /^([A-Za-z_][\w.-]{0,63})[ \t]*=[ \t]*(.*)$/;
/** A value: words, numbers with units, lists of names, an absolute path; bare or in double quotes. */
const VALUE = /^(?:"[\w .,:/@+-]*"|[\w.,:/@+ -]*)$/;

/** Settings that load or run a file, fetch from a URL, or lift a guard when emptied or turned on. */
const LOADING_KEY = /^(?:auto_(?:prepend|append)_file|extension|zend_extension|sendmail_path|error_log|include_path|user_ini\.filename|session\.save_path|mail\.log|cgi\..*|.*\.dl|enable_dl|opcache\.preload\w*|ffi\.\w+)$/i;
const GUARD_KEY = /^(?:disable_functions|disable_classes|open_basedir)$/i;
const FETCH_KEY = /^allow_url_(?:include|fopen)$/i;
/** A value naming a script file, a wrapper or a scheme. */
const SCRIPT_VALUE = /\.(?:php\d?|phtml|phar|inc|jsp|aspx?|cgi|pl|py|sh|so|dll)\b|:\/\/|^(?:data|php|expect|phar):/i;

/** The first line a settings file can open with (a letter, prose, opens none): checked before the text is split. */
const FIRST_LINE = /^\s*(?:\[|[;#]|[A-Za-z_][\w.-]{0,63}[ \t]*=)/;

export function isIniSettings(text: string): boolean {
  if (text.length > MAX_CHARS || !FIRST_LINE.test(text) || !text.includes('\n') || !text.includes('=')) return false;
  const lines = text.split(/\r?\n/);
  let settings = 0;
  let content = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    content++;
    if (SECTION.test(line) || COMMENT.test(line)) continue;
    const m = SETTING.exec(line);
    if (m === null) return false;
    const [, key, value] = m;
    const v = value.trim();
    if (!VALUE.test(v) || SCRIPT_VALUE.test(v) || LOADING_KEY.test(key)) return false;
    const bare = v.replace(/^"|"$/g, '').trim();
    if (GUARD_KEY.test(key) && bare === '') return false;
    if (FETCH_KEY.test(key) && /^(?:on|1|true|yes)$/i.test(bare)) return false;
    settings++;
  }
  return content >= 3 && settings >= 2;
}
