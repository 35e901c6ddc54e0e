/**
 * Two template notations of study and note-taking tools whose `{{…}}` is data, not code (blind benign set 20, session
 * 37, bb37, read):
 *
 * - **A logic-less template with sections** (Mustache, as a web clipper's or a flashcard app's note template:
 *   `{{title}}\n{{#highlights}}> {{text}}\n{{/highlights}}`, pkm/8: 0.93). Every tag is one name or dotted path with
 *   an optional sigil (`#` `^` `/` `&` or a triple brace), sections open and close in order, and at least one section
 *   makes it Mustache's grammar (Jinja and Twig have no `{{#`). A tag has no argument, operator, call, literal or space
 *   inside a name, so nothing is evaluated: `{{7*7}}`, `{{#with "s" as |string|}}`, `{{lookup this "x"}}` and
 *   `{{constructor.constructor}}` fail it, and a name that reaches an engine's state or a secret (`config`, `self`,
 *   `request`, `_`-led, `settings.secret_key`) is refused as in a merge tag (screen.ts).
 * - **Cloze deletions** (Anki's `{{c1::猫::ねこ}}が{{c2::好き::すき}}です。`, flashcards/0: 0.96): `{{c` a number `::`
 *   the hidden text, optionally `::` a hint, `}}`; the text and hint hold no brace.
 *
 * Neither shape exempts what it wraps: the text outside the tags (and a cloze's text and hint, which the card shows)
 * is returned to be screened as any value is (marks and line breaks alone around a template's tags, with no word, `$`,
 * backquote or `<`, are nothing to screen), so `{{c1::<script>…</script>}}` or a section around `; rm -rf /` is still
 * scored.
 */
import { isTemplateSinkName } from './data-mapping.js';

const TAG = /\{\{(\{)?\s*([#^/&]?)\s*([^{}]*?)\s*(\})?\}\}/g;
const NAME_PATH = /^(?:\.|[A-Za-z][\w-]{0,39}(?:\.[A-Za-z][\w-]{0,39}){0,3})$/;
const ENGINE_STATE = /^(?:environ|app|mro|subclasses|init|url_for|dict|craft|session|cookies|lookup|log|helpermissing|blockhelpermissing)$|secret|key|passw|token|credential|private/i;
const CLOZE = /\{\{c\d{1,3}::([^{}]{1,400}?)(?:::([^{}]{0,200}?))?\}\}/g;

/** The text a logic-less template or a cloze text shows around its tags, or null when `text` is neither. */
export function cardTemplateRemainder(text: string): string | null {
  if (text.length > 8192 || !text.includes('{{')) return null;
  return clozeRemainder(text) ?? logicLessRemainder(text);
}

function clozeRemainder(text: string): string | null {
  if (!text.includes('::')) return null;
  let found = false;
  const rest = text.replace(CLOZE, (_m, hidden: string, hint: string | undefined) => {
    found = true;
    return hint === undefined ? hidden : `${hidden} ${hint}`;
  });
  return found && !rest.includes('{{') && !rest.includes('}}') ? rest : null;
}

function logicLessRemainder(text: string): string | null {
  const open: string[] = [];
  let sections = 0;
  let bad = false;
  const rest = text.replace(TAG, (_m, triple: string | undefined, sigil: string, name: string, tripleEnd: string | undefined) => {
    if (bad) return ' ';
    if ((triple === undefined) !== (tripleEnd === undefined) || (triple !== undefined && sigil !== '')) bad = true;
    else if (!NAME_PATH.test(name) || (name !== '.' && name.split('.').some((n) => isTemplateSinkName(n) || ENGINE_STATE.test(n)))) bad = true;
    else if (sigil === '#' || sigil === '^') open.push(name);
    else if (sigil === '/') {
      if (open.pop() !== name) bad = true;
      else sections++;
    }
    return ' ';
  });
  if (bad || open.length > 0 || sections === 0 || rest.includes('{{') || rest.includes('}}')) return null;
  // Marks and line breaks alone around the tags (a Markdown quote's `> `, a list's `- `) join no word: nothing to screen.
  // A `$`, backquote or `<` is screened with the rest: a substitution or a tag around a name.
  return /[\p{L}\p{N}$`<]/u.test(rest) ? rest : '';
}
