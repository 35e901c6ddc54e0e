/**
 * A dial string of a phone's own codes as the whole value: a USSD request (`*123*2*1#`, a balance or menu code a modem's
 * web console or a carrier's app sends), an MMI or supplementary-service code (`*#06#`, `**21*+31612345678#`, `##002#`),
 * an Android secret code (`*#*#4636#*#*`). Blind benign set 18's telecom/4 (read): a router's `/api/ussd/send` with
 * `code=*123*2*1#` scored 0.94 — the model reads `*` and `#` as a glob and a comment.
 *
 * Digits, `*`, `#` and `+` only, opened by `*` or `#`: no letter, so no keyword, command, name or function, and no quote,
 * bracket or separator for the marks to join anything with.
 */
const DIAL_STRING = /^[*#][0-9*#+]{2,63}$/;

export function isDialString(text: string): boolean {
  return DIAL_STRING.test(text) && /\d/.test(text);
}
