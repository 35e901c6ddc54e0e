/**
 * A client's name: a `User-Agent` written wholly in HTTP's product and comment grammar (RFC 9110 §10.1.5),
 * `OpenAI/Python 1.57.0`, `aws-cli/2.22.4 Python/3.12.6 Linux/6.8.0`, `Mozilla/5.0 (X11; Linux x86_64;
 * rv:133.0) Gecko/20100101 Firefox/133.0` (issue 14: the OpenAI SDK's agent scored 0.906 for the word
 * Python, blind benign set 6). A product is a name with an optional `/version`; a comment in parentheses
 * holds `;`-separated items of words, each a name with an optional `/version`. What an injection through
 * the header needs is outside that grammar: a quote (SQL around a logged agent), `<` (markup shown in an
 * admin page), `${` (a JNDI lookup), `() {` (shellshock), `$(`, a backtick, `|` or `&` (a shell), a
 * parenthesis inside a comment, a path or address (`/etc/passwd`, `http://…` have a slash after no name),
 * `..`, `--`, a line break. So such a value is not scored; an agent outside the grammar is screened and
 * scored as before, and a signature hit on the header still sends it (the agent of a scanner is a policy
 * question for the rules, not evidence of a payload).
 */

/** A name, or a name and its version: letters, digits and `._+-`, then optionally `/` and the same. */
const PRODUCT = '[A-Za-z0-9][A-Za-z0-9._+-]*(?:/[A-Za-z0-9][A-Za-z0-9._+-]*)?';
/** A comment item: words of the same shape (`:` and `,` inside, as `rv:133.0` and `KHTML, like Gecko`). */
const WORD = '[A-Za-z0-9][A-Za-z0-9._:,+-]*(?:/[A-Za-z0-9][A-Za-z0-9._:,+-]*)?';
const ITEM = `${WORD}(?: ${WORD})*`;
const COMMENT = `\\((?:${ITEM})?(?:; ?${ITEM})*\\)`;
const PRODUCT_LIST = new RegExp(`^(?:${PRODUCT}|${COMMENT})(?: (?:${PRODUCT}|${COMMENT}))*$`);

/** Whether a header of this name holds a client's agent string (`User-Agent`, `X-SignalR-User-Agent`). */
export function isUserAgentHeaderName(name: string): boolean {
  const n = name.toLowerCase();
  return n === 'user-agent' || n.endsWith('-user-agent');
}

/** Whether `text` is wholly a product list (see the module comment), at most 512 characters, with no `..` or `--`. */
export function isProductList(text: string): boolean {
  return text.length <= 512 && !text.includes('..') && !text.includes('--') && PRODUCT_LIST.test(text);
}
