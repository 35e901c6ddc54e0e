/**
 * A theme's page layout saved whole (Shopify's `layout/theme.liquid` through the Admin API's assets endpoint;
 * a Twig `base.html.twig`, a Blade `app.blade.php`, a Rails `application.html.erb`) is the page's skeleton —
 * doctype, `<html>`, `<head>` with its meta, title and stylesheet links, `<body>` — with template outputs and tags
 * where the platform fills in the content. A head setting's tag snippet saved inside one (issue 14's `tag-snippets`
 * family, 225 of seed 7's 280 left blocked after session 32's adm32) was scored with the page around it: the
 * skeleton alone measured higher than with the snippet.
 *
 * `textOutsidePageLayout(text)`: the text with that skeleton taken out (each part replaced by a line break), or
 * null when the text is no page (no `<html …>` … `</html>`). Only known parts go, each whole: a tag of the skeleton
 * with plain attributes (no handler, no `javascript:`), a title of words or one template output, and template
 * outputs of a variable path with filters of quoted words — never a call, an arithmetic expression or a name an
 * injected template reads secrets or classes through (`config`, `self`, `__class__`, `_self.env`). What is left
 * (another element, a script, text) is returned and judged as before by the caller.
 */

/** A template variable path: words of letters and digits joined by single underscores (no `__dunder__`), up to 5 deep. */
const VAR = '[A-Za-z][A-Za-z0-9]{0,30}(?:_[A-Za-z0-9]{1,30}){0,5}(?:\\.[A-Za-z][A-Za-z0-9]{0,30}(?:_[A-Za-z0-9]{1,30}){0,5}){0,4}';
/** A quoted name (an asset, a section, a template): segments of word characters joined by `.` or `/`, so no `../` and no root. */
const NAME = '[\\w-]{1,60}(?:[./][\\w-]{1,60}){0,6}';
const WORD = `(?:'${NAME}'|"${NAME}")`;
/** Liquid/Twig filters: `| asset_url`, `| default: 'x'`. */
const FILTERS = `(?:\\s*\\|\\s*[a-z][a-z_]{0,30}(?:\\s*:\\s*${WORD}(?:\\s*,\\s*${WORD}){0,2})?){0,4}`;
/** An output: `{{ page_title }}`, `{{ 'base.css' | asset_url | stylesheet_tag }}`, Blade's `{{ $title }}`. */
const OUTPUT = `\\{\\{-?\\s*(?:${VAR}|${WORD}|\\$${VAR})${FILTERS}\\s*-?\\}\\}`;
/** Tags that place content: Liquid `{% section 'header' %}`, `{% render 'x' %}`; Twig `{% block body %}{% endblock %}`, `{% extends 'base.html.twig' %}`. */
const PLACE_TAG = `\\{%-?\\s*(?:(?:section|sections|render|include|extends)\\s+${WORD}|block\\s+[a-z_]{1,40}|endblock(?:\\s+[a-z_]{1,40})?)\\s*-?%\\}`;
/** Blade's and ERB's placeholders: `@yield('content')`, `@vite('resources/js/app.js')`, `<%= yield %>`, `<%= csrf_meta_tags %>`. */
const BLADE = `@(?:yield|include|stack|section|vite)\\(\\s*${WORD}\\s*\\)|@(?:endsection|csrf)\\b`;
const ERB = `<%=\\s*(?:yield(?:\\s+:[a-z_]{1,30})?|csrf_meta_tags|csp_meta_tag|javascript_importmap_tags|(?:stylesheet_link_tag|javascript_include_tag)\\s+${WORD}(?:\\s*,\\s*${WORD}\\s*(?::|=>)\\s*${WORD})?)\\s*%>`;
/** An attribute value: text without a scheme's colon, and outputs (`template-{{ template.name }}`); a character and an output start apart, so no backtracking. */
const VALUE = `(?:"(?:[\\w .,/#;=-]|${OUTPUT}){0,200}"|'(?:[\\w .,/#;=-]|${OUTPUT}){0,200}')`;
/** A link's address: an output, an https URL of a named host, or a path of the site (no `..` segment, no `//`). */
const URL = `(?:${OUTPUT}|https://[a-z][a-z0-9-]{0,62}(?:\\.[a-z0-9-]{1,63}){0,6}\\.[a-z]{2,24}(?:/[\\w.-]{0,100}){0,10}|(?:/[\\w-][\\w.-]{0,100}){1,10}/?)`;
const HREF = `\\s+href\\s*=\\s*(?:"${URL}"|'${URL}')`;
/** Attributes of a skeleton tag: names that neither run nor fetch anything (no handler, no `http-equiv`, no `src`). */
const ATTRIBUTES = `(?:\\s+(?:lang|dir|class|id|charset|name|content|property|type|sizes|media|crossorigin)\\s*=\\s*${VALUE})*`;
const LINK_ATTRIBUTES = `(?:\\s+rel\\s*=\\s*["'](?:stylesheet|icon|shortcut icon|apple-touch-icon|canonical|preconnect|dns-prefetch|manifest)["']|${HREF}|\\s+(?:type|sizes|media|crossorigin)\\s*=\\s*${VALUE})*`;
const TAGS = `<!doctype\\s+html\\s*>|</?(?:html|head|body|main)${ATTRIBUTES}\\s*>|<meta${ATTRIBUTES}\\s*/?>|<link${LINK_ATTRIBUTES}\\s*/?>|<title>(?:[\\w .,:|&;-]|\\s|${OUTPUT}|${PLACE_TAG}){0,120}</title>`;

const PART = new RegExp(`${TAGS}|${OUTPUT}|${PLACE_TAG}|${BLADE}|${ERB}`, 'gi');
/** A template output with a name an injected template reads secrets or classes through, at any depth (`{{ config }}`, `{{ craft.app.config.general.securityKey }}`). */
const EXPOSING_NAME = /\{\{-?\s*\$?(?:\w{1,40}\.){0,8}(?:config|self|settings|application|app|env|environ|lipsum|cycler|joiner|namespace|globals|builtins|url_for|get_flashed_messages|secret\w*|security\w*|password\w*)\b/i;
const HTML_OPEN = /<html[\s>]/i;
const HTML_CLOSE = /<\/html\s*>\s*$/i;

/** The text without its page skeleton, or null when it is no page layout. */
export function textOutsidePageLayout(text: string): string | null {
  if (!HTML_CLOSE.test(text) || !HTML_OPEN.test(text) || EXPOSING_NAME.test(text)) return null;
  return text.replace(PART, '\n');
}
