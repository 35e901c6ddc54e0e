/** The parts of a request-target as sent (latin1 strings, nothing decoded). */
export interface RequestTargetParts {
  /** `http://host:port` for absolute-form targets, '' otherwise. */
  origin: string;
  /** Authority of an absolute-form target (`host:port`), '' otherwise. */
  authority: string;
  /** Path as sent; `*` for asterisk-form, `host:port` for CONNECT's authority-form. */
  path: string;
  /** After the first `?`, without it; '' when none. */
  query: string;
  hasQuery: boolean;
}

const ABSOLUTE_FORM = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//;

export function splitRequestTarget(url: string): RequestTargetParts {
  let origin = '';
  let authority = '';
  let rest = url;
  if (url.charCodeAt(0) !== 0x2f && ABSOLUTE_FORM.test(url)) {
    const authorityStart = url.indexOf('//') + 2;
    let authorityEnd = authorityStart;
    while (authorityEnd < url.length) {
      const c = url.charCodeAt(authorityEnd);
      if (c === 0x2f || c === 0x3f || c === 0x23) break;
      authorityEnd++;
    }
    origin = url.slice(0, authorityEnd);
    authority = url.slice(authorityStart, authorityEnd);
    rest = url.slice(authorityEnd);
    if (rest === '' || rest.charCodeAt(0) === 0x3f) rest = '/' + rest;
  }
  const q = rest.indexOf('?');
  if (q < 0) return { origin, authority, path: rest, query: '', hasQuery: false };
  return { origin, authority, path: rest.slice(0, q), query: rest.slice(q + 1), hasQuery: true };
}
