/**
 * A PHP namespace prefix as a whole value or key: Composer's PSR-4 autoload map `{"App\\": "app/", "Database\\Factories\\":
 * "database/factories/"}` (blind benign set 21's manifests/7, read: the key `App\` 0.96, `App\Models\` 0.99), a framework
 * setting's controller namespace. Segments are StudlyCaps names joined by backslashes, and a prefix ends in one.
 *
 * Its backslashes separate names: no segment starts with a lower-case letter or digit an escape reads (`\n`, `\x41`,
 * `\u0041`, `\0`), and a SQL break needs the quote the value lacks. The nearest attack, a trailing `\` that escapes the
 * closing quote of a login's user field so the next field's text becomes SQL (`admin\` beside `password= OR 1=1-- -`),
 * is caught in that next field, which is scored as before. A class name
 * without the closing backslash (`App\Models\User`, a gadget's `Monolog\Handler\SyslogUdpHandler`) is no prefix and stays
 * scored: a prefix names a directory of classes, not one to instantiate.
 */
const NAMESPACE_PREFIX = /^\\?(?:[A-Z][A-Za-z0-9_]{0,63}\\){1,8}$/;

export function isNamespacePrefix(text: string): boolean {
  return text.length <= 300 && NAMESPACE_PREFIX.test(text);
}
