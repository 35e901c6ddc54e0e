/**
 * Seeded faker instances per locale, and "a person" as forms see one: name, address, phone, email
 * in that person's language and script.
 */
import {
  Faker, base, en, en_US, en_GB, en_IN, de, fr, es, es_MX, it, pt_BR, pl, tr, vi, nl, sv, cs_CZ,
  ja, zh_CN, zh_TW, ko, ru, uk, ar, he, el, th, fa, ne, ka_GE, hy, id_ID,
} from '@faker-js/faker';
import type { LocaleDefinition } from '@faker-js/faker';
import { Rng, hash32 } from './rng.js';

/** Reference date for every faker date so output never depends on the clock. */
export const REF_DATE = '2025-06-01T12:00:00.000Z';

export const LOCALES: Record<string, LocaleDefinition> = {
  en_US, en_GB, en_IN, de, fr, es, es_MX, it, pt_BR, pl, tr, vi, nl, sv, cs_CZ,
  ja, zh_CN, zh_TW, ko, ru, uk, ar, he, el, th, fa, ne, ka_GE, hy, id_ID,
};

/** Weighted mix of locales for "a visitor": mostly Latin-script, a real share of other scripts. */
export const LOCALE_MIX: readonly (readonly [string, number])[] = [
  ['en_US', 30], ['en_GB', 6], ['en_IN', 4], ['de', 7], ['fr', 6], ['es', 5], ['es_MX', 2], ['it', 3],
  ['pt_BR', 4], ['pl', 2], ['tr', 2], ['vi', 2], ['nl', 2], ['sv', 1], ['cs_CZ', 1], ['id_ID', 2],
  ['ja', 4], ['zh_CN', 4], ['zh_TW', 1], ['ko', 2], ['ru', 3], ['uk', 1], ['ar', 2], ['he', 1],
  ['el', 1], ['th', 1], ['fa', 1], ['ne', 1], ['ka_GE', 0.5], ['hy', 0.5],
];

/** BCP-47 tag and Accept-Language value per faker locale. */
export const LANG_TAG: Record<string, string> = {
  en_US: 'en-US', en_GB: 'en-GB', en_IN: 'en-IN', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', es_MX: 'es-MX',
  it: 'it-IT', pt_BR: 'pt-BR', pl: 'pl-PL', tr: 'tr-TR', vi: 'vi-VN', nl: 'nl-NL', sv: 'sv-SE', cs_CZ: 'cs-CZ',
  ja: 'ja-JP', zh_CN: 'zh-CN', zh_TW: 'zh-TW', ko: 'ko-KR', ru: 'ru-RU', uk: 'uk-UA', ar: 'ar-SA', he: 'he-IL',
  el: 'el-GR', th: 'th-TH', fa: 'fa-IR', ne: 'ne-NP', ka_GE: 'ka-GE', hy: 'hy-AM', id_ID: 'id-ID',
};

export const COUNTRY: Record<string, string> = {
  en_US: 'US', en_GB: 'GB', en_IN: 'IN', de: 'DE', fr: 'FR', es: 'ES', es_MX: 'MX', it: 'IT', pt_BR: 'BR',
  pl: 'PL', tr: 'TR', vi: 'VN', nl: 'NL', sv: 'SE', cs_CZ: 'CZ', ja: 'JP', zh_CN: 'CN', zh_TW: 'TW', ko: 'KR',
  ru: 'RU', uk: 'UA', ar: 'SA', he: 'IL', el: 'GR', th: 'TH', fa: 'IR', ne: 'NP', ka_GE: 'GE', hy: 'AM', id_ID: 'ID',
};

export function acceptLanguage(rng: Rng, locale: string): string {
  const tag = LANG_TAG[locale] ?? 'en-US';
  const primary = tag.split('-')[0];
  const forms = [
    `${tag},${primary};q=0.9`,
    `${tag},${primary};q=0.9,en-US;q=0.8,en;q=0.7`,
    `${tag}`,
    `${primary}-${tag.split('-')[1]},${primary};q=0.9,en;q=0.8`,
    `${tag},${primary};q=0.8,en-GB;q=0.6,en;q=0.4`,
  ];
  return primary === 'en' ? rng.pick([`${tag},en;q=0.9`, tag, `${tag},en;q=0.5`]) : rng.pick(forms);
}

/** Lazily built faker instances, one per locale, each seeded from (seed, stream, locale). */
export class FakerPool {
  private readonly cache = new Map<string, Faker>();
  constructor(private readonly seed: number, private readonly stream: string) {}

  get(locale: string): Faker {
    let f = this.cache.get(locale);
    if (!f) {
      const def = LOCALES[locale] ?? en_US;
      f = new Faker({ locale: [def, en, base] });
      f.seed(hash32(`${this.seed >>> 0}:${this.stream}:${locale}`));
      f.setDefaultRefDate(REF_DATE);
      this.cache.set(locale, f);
    }
    return f;
  }
}

export interface Person {
  locale: string;
  firstName: string;
  lastName: string;
  fullName: string;
  email: string;
  username: string;
  phone: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  company: string;
  jobTitle: string;
  birthdate: string;
}

const ASCII_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me', 'hotmail.com', 'gmx.de', 'web.de', 'orange.fr', 'mail.ru', 'yandex.ru', 'qq.com', '163.com', 'naver.com', 'yahoo.co.jp', 'uol.com.br', 'wp.pl', 'libero.it', 'fastmail.com', 'hey.com'];

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

export function makePerson(rng: Rng, pool: FakerPool, locale = rng.weighted(LOCALE_MIX)): Person {
  const f = pool.get(locale);
  const firstName = f.person.firstName();
  const lastName = f.person.lastName();
  const east = ['ja', 'zh_CN', 'zh_TW', 'ko'].includes(locale);
  const fullName = east ? `${lastName}${locale === 'ko' ? '' : rng.pick(['', ' '])}${firstName}` : `${firstName} ${lastName}`;
  // Emails and usernames are ASCII for most people; faker transliterates where it can.
  const en = pool.get('en_US');
  const local = safe(() => f.internet.username({ firstName, lastName }), en.internet.username()).replace(/[^\w.+-]/g, '') || en.internet.username();
  const email = rng.chance(0.7)
    ? `${local.toLowerCase()}@${rng.pick(ASCII_DOMAINS)}`
    : safe(() => f.internet.email({ firstName, lastName }), en.internet.email()).replace(/[^\w.@+-]/g, '') || en.internet.email();
  return {
    locale,
    firstName,
    lastName,
    fullName,
    email: /^[^@]+@[^@]+\.[a-z]+$/i.test(email) ? email : en.internet.email(),
    username: local,
    phone: f.phone.number(),
    street: f.location.streetAddress(rng.chance(0.3)),
    city: f.location.city(),
    state: safe(() => f.location.state(), ''),
    zip: f.location.zipCode(),
    country: COUNTRY[locale] ?? 'US',
    company: f.company.name(),
    jobTitle: en.person.jobTitle(),
    birthdate: f.date.birthdate({ mode: 'age', min: 18, max: 80 }).toISOString().slice(0, 10),
  };
}
