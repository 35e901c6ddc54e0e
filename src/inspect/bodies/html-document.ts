/**
 * An uploaded HTML document (issue 14, session 19): a file part whose filename ends in `.html`, `.htm` or
 * `.xhtml`, or whose Content-Type is `text/html` or `application/xhtml+xml`, and whose text is a whole
 * document — it opens, after a byte-order mark and whitespace, with `<!doctype html` or `<html`. Its
 * `<script src>`, `onload=` and inline scripts are the page's own content, not markup reflected from a
 * parameter: such a target gets the role `document`, which the model gate scores only on a gate-1 hit that
 * is not an XSS rule's (src/model/gate.ts). Whether an upload is later served inline from the application's
 * origin is the application's decision (Content-Disposition, a sandbox domain): Warden cannot tell a
 * page's own script from a planted one, and does not try; an application that serves them inline sets
 * `model.htmlUploads: inspect` and every such page is scored as any uploaded text.
 *
 * Not a document, so scored as any uploaded text: a name with a server-side extension anywhere
 * (`shell.php.html`, `x.shtml`, a handler that runs `.php.html` as PHP), and a text holding server-side,
 * template or expression syntax a server could run — `<?`, `<%`, an SSI `<!--#`, `${`, `#{`, Jinja/Twig/Django
 * `{{`/`{%` (their templates are `.html` files a theme upload installs), Smarty `{$`/`{php}`, FreeMarker `<#`,
 * Velocity `#set`, Razor `@(`, XSLT, an `<!ENTITY` declaration (an `.xhtml` page read by an XML parser).
 */

const HTML_NAME = /\.(?:x?html?)$/i;
const SERVER_EXTENSION = /\.(?:php\d?|phtml|pht|phar|phps|inc|jsp|jspx|jsf|asp|aspx|ashx|asmx|cer|asa|cgi|pl|py|rb|sh|shtml|stm|shtm|cfm|cfml)(?:\.|$)/i;
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const DOCUMENT_START = /^\uFEFF?\s*(?:<!doctype\s+html\b|<html\b)/i;
const SERVER_SYNTAX = /<\?|<%|<!--\s*#|\$\{|#\{|\{\{|\{%|\{\$|\{php\}|<#|#set\b|@\(|<xsl:|<!ENTITY/i;

export function isHtmlDocumentUpload(filename: string, mediaEssence: string, text: string): boolean {
  if (!(HTML_NAME.test(filename) || HTML_TYPES.has(mediaEssence))) return false;
  if (SERVER_EXTENSION.test(filename)) return false;
  return DOCUMENT_START.test(text) && !SERVER_SYNTAX.test(text);
}
