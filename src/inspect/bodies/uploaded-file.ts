/**
 * An uploaded text file that lands inert (issue 14, benign side, session 38): a multipart part with a
 * filename is a file to every mainstream server (PHP's $_FILES, a servlet's getPart, ASP.NET's
 * Request.Files, Flask's request.files, busboy's file stream), never a form field, and the application
 * stores it. Its text is the file's content: source code, a shell script, a SQL migration, an XML
 * configuration look like injections line by line (measured, session 38: 81 of 672 real text files of
 * this machine blocked as uploads, 31 by the model alone). Such a part's text gets the role `file`,
 * which the model gate scores only on a gate-1 hit (src/model/gate.ts), as it does an uploaded HTML page.
 *
 * Not inert, so scored as any field: a name that runs where it lands or changes how the folder runs —
 * a server-side script extension anywhere in it (`shell.php.txt`, `x.jsp;.txt`), a server or folder
 * configuration (`.htaccess`, `web.config`, `.user.ini`) or a name without an extension (`.git/config`, a hook), a template an engine renders (`.twig`, `.ftl`,
 * `.vm`, `.j2`, …), a process or script an application deploys and runs (`.bpmn20.xml`, `.dmn`, `.groovy`,
 * `.jrxml`), a page a browser runs scripts in when the upload folder serves it from the site's origin
 * (`.html`, `.svg`, `.xhtml`, `.mht`, `.hta` by name or type: stored XSS; a whole HTML page is html-document.ts's), a
 * program an image or document converter runs (ImageMagick's MVG and MSL scripts, PostScript for Ghostscript: by
 * name, or by its opening whatever the name, as ImageMagick sniffs it: ImageTragick's `photo.jpg`) — and a text holding a tag a server runs if the file is included or served by a
 * handler whatever its name (`<?php`/`<?=`/`<? `, `<%`, an SSI `<!--#`, `<jsp:`, `runat="server"`,
 * `<cfexecute`): the picture with PHP in it that a local-file inclusion then runs.
 */

/**
 * Extensions a web server or its handlers run, whose engine renders them, or that an application deploys and
 * runs (a BPMN/DMN/CMMN process with a script task, a Groovy script, a JasperReports template's expressions).
 */
const RUNS_WHERE_IT_LANDS =
  /\.(?:php\d?|phtml|pht|phar|phps|pgif|inc|jsp|jspx|jspf|jsw|jsv|jsf|asp|aspx|ashx|asmx|ascx|axd|cshtml|vbhtml|cer|asa|cdx|soap|cgi|pl|shtml|stm|shtm|cfm|cfml|cfc|twig|ftl|ftlh|vm|vtl|j2|jinja2?|hbs|handlebars|mustache|ejs|erb|haml|jade|pug|tpl|smarty|liquid|njk|xsl|xslt|war|ear|bpmn|bpmn20|dmn|cmmn|groovy|gvy|gsh|jrxml)(?:[.;:\s]|$)/i;
/** Files that change how a folder or the server runs what it holds. */
const CONFIGURES_THE_FOLDER = /(?:^|[\\/])(?:\.htaccess|\.htpasswd|web\.config|\.user\.ini|php\.ini|\.env)(?:[.;:\s]|$)/i;
/**
 * A name without an extension, or a dotfile (`config`, `post-receive`, `authorized_keys`, `.bashrc`): what such a
 * file is depends on where it lands (Gogs's upload of `.git/config` with an sshCommand); a browser's upload of a
 * document has an extension.
 */
const NO_EXTENSION = /(?:^|[\\/])(?:\.[^\\/]*|[^.\\/]+)$/;
/** Pages a browser runs scripts in, by name and by declared type. */
const BROWSER_PAGE_NAME = /\.(?:html?|xht(?:ml)?|svgz?|mht(?:ml)?|hta)(?:[.;:\s]|$)/i;
const BROWSER_PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml', 'image/svg+xml', 'message/rfc822', 'application/hta']);
/** Drawing and page-description programs a converter runs, by name and by their opening. */
const CONVERTER_PROGRAM_NAME = /\.(?:mvg|msl|ps|eps|epsi|epsf|ai)(?:[.;:\s]|$)/i;
const CONVERTER_PROGRAM_TEXT = /^\uFEFF?\s*(?:push\s+graphic-context|viewbox\s|%!|<\?xml[^>]*>\s*<image\b)/i;
/** Tags a server runs in any file it includes or hands to a handler (`<?xml` is a declaration, not one of them). */
const SERVER_TAG = /<\?(?!xml[\s?])|<%|<!--\s*#|<jsp:|runat\s*=\s*["']?server|<cf(?:execute|script|include|object|invoke)\b/i;

export function isInertUploadedText(filename: string, mediaEssence: string, text: string): boolean {
  if (filename === '' || NO_EXTENSION.test(filename) || RUNS_WHERE_IT_LANDS.test(filename) || CONFIGURES_THE_FOLDER.test(filename)) return false;
  if (BROWSER_PAGE_NAME.test(filename) || BROWSER_PAGE_TYPES.has(mediaEssence) || CONVERTER_PROGRAM_NAME.test(filename)) return false;
  return !SERVER_TAG.test(text) && !CONVERTER_PROGRAM_TEXT.test(text);
}
