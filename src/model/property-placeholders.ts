/**
 * Two placeholder notations of build files, upload policies and log pipelines whose braces are data, not an expression
 * (blind benign set 21, session 38, bb38, read):
 *
 * - **Property references** `${name}` / `${dotted.name}`: a Maven or Gradle property in a saved `pom.xml`
 *   (`<version>${jackson.version}</version>`, manifests/2: 0.995), an S3 browser-upload policy's `key` field
 *   (`user/4471/${filename}`, presigned/3: 0.87; S3 substitutes the file name), Ant, Spring `application.properties`,
 *   docker-compose and shell `${HOME}`. A reference names a value and does nothing else. An expression-language probe in
 *   the same braces computes, calls or looks up: `${7*7}`, `${T(java.lang.Runtime)…}`, `${jndi:ldap://…}`,
 *   `${env:HOME}`, `${#context…}`, `${"x".execute()}`, `${${lower:j}ndi…}` — an operator, a call, a colon, a `#`, a
 *   quote or a nested brace, none of which a reference has. Names that reach an engine's or a page's own state, the
 *   environment or a secret are refused as in a merge tag (`${pageContext.request}`, `${applicationScope}`,
 *   `${env.AWS_SECRET_ACCESS_KEY}`, `${self.module}`), and so is `${IFS}`, whose only use in a value is a shell word break.
 * - **A Datadog parsing rule's matcher or filter with arguments** `%{date("yyyy-MM-dd HH:mm:ss,SSS"):timestamp}`
 *   (logregex/6: 0.86), beside plain grok patterns `%{word:level}`. The argument list is only quoted strings and numbers,
 *   the matcher one that takes arguments (`date`, `regex`, `keyvalue`, `nullIf`, `csv`, `scale`, `array`, `boolean`), and
 *   `:field` follows: a call followed by `:field` is no OGNL (Struts' `%{…}`), whose probes start with `#`, `(`, `@` or
 *   compute (`%{7*7}`). Plain patterns pass the model as they are and are left as written; without a call nothing is
 *   taken, so an Apache `RewriteCond %{HTTP_HOST}` stays the text it was.
 *
 * Neither exempts what surrounds the references: `textAroundPlaceholders(text)` returns the text around them to be
 * screened and scored as any value (a property reference left blank, a matcher call as its field's name, so a rule
 * reads as the log line it matches) (a reference beside `; curl … | sh` or `' OR '1'='1` is still scored), and a rule's
 * hit still decides.
 */
import { isTemplateSinkName } from './data-mapping.js';

const MAX_CHARS = 4000;

/** `${name}` or `${a.b.c}`: letters, digits, `_` and `-`, led by a letter or `_`, up to six segments. */
const PROPERTY_REF = /\$\{([A-Za-z_][\w-]{0,63}(?:\.[A-Za-z_][\w-]{0,63}){0,5})\}/g;
/** Names of a page's, an engine's or the process's own state, and secrets: no build property or upload key needs them. */
const STATE_NAME = /^(?:pagecontext|applicationscope|sessionscope|requestscope|pagescope|param|paramvalues|header|headervalues|cookie|initparam|facescontext|context|ctx|session|response|classloader|servletcontext|jndi|java|ifs|bash_env|ld_preload|t)$|secret|passw|token|credential|private|apikey|api_key/i;

/** A Datadog parsing rule's matcher or filter called with quoted or number arguments, then `:field` (and a filter). */
const GROK_CALL = /%\{([A-Za-z_]\w{0,39})\(((?:\s*(?:"(?:[^"\\\n]|\\.){0,200}"|-?\d+(?:\.\d+)?)\s*,?)*)\)((?::[A-Za-z_@][\w.@-]{0,63}){1,2})\}/g;
/** A plain grok pattern `%{SYNTAX}`, `%{SYNTAX:field}`, `%{SYNTAX:field:type}` left beside the calls. */
const GROK_PLAIN = /%\{[A-Za-z_]\w{0,39}(?::[A-Za-z_@][\w.@-]{0,63}){0,2}\}/g;
const MATCHERS_WITH_ARGUMENTS = new Set(['date', 'regex', 'keyvalue', 'nullif', 'csv', 'scale', 'array', 'boolean']);

function propertyNameAllowed(path: string): boolean {
  return !path.split('.').some((n) => isTemplateSinkName(n) || STATE_NAME.test(n));
}

/**
 * The text around a value's property references or grok patterns, or null when the value holds none, or holds a
 * `${`/`%{` that is not one (an expression, a lookup, a call), or is too long to be a setting.
 */
export function textAroundPlaceholders(text: string): string | null {
  if (text.length > MAX_CHARS) return null;
  const hasProperty = text.includes('${');
  const hasGrok = text.includes('%{');
  if (!hasProperty && !hasGrok) return null;
  let bad = false;
  let rest = text;
  if (hasProperty) {
    rest = rest.replace(PROPERTY_REF, (_m, path: string) => {
      if (!propertyNameAllowed(path)) bad = true;
      return ' ';
    });
  }
  if (hasGrok && !bad) {
    let calls = 0;
    rest = rest.replace(GROK_CALL, (_m, syntax: string, _args: string, fields: string) => {
      if (!MATCHERS_WITH_ARGUMENTS.has(syntax.toLowerCase())) bad = true;
      calls++;
      // The pattern's text reads as the line it matches: the call stands for its field's value, named by the field. Left
      // blank, a rule's own regex marks (`\[ \] "  HTTP/ "`) would be read alone as code.
      return fields.slice(1).split(':')[0];
    });
    // Plain patterns (`%{word:level}`, and mod_rewrite's `%{HTTP_HOST}`, which no call ever sits beside) are left as written.
    if (calls > 0) rest = rest.replace(GROK_PLAIN, (m) => m.replace('%{', '\uE000'));
    else if (!hasProperty) return null;
  }
  // Every `${` and `%{` must have been a reference: what is left holds no opener of another one.
  if (bad || rest.includes('${') || rest.includes('%{')) return null;
  return rest.replaceAll('\uE000', '%{');
}
