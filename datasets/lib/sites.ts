/** Fictional sites the traffic is addressed to; names come from faker companies so they vary. */
import type { Rng } from './rng.js';
import type { Faker } from '@faker-js/faker';

const TLDS: readonly (readonly [string, number])[] = [['com', 10], ['de', 2], ['co.uk', 1], ['fr', 1], ['io', 2], ['net', 1], ['org', 1], ['jp', 1], ['com.br', 1], ['app', 1], ['shop', 1], ['pl', 0.5], ['es', 0.5], ['ru', 0.5], ['dev', 0.5]];

export function siteName(rng: Rng, en: Faker): string {
  const base = rng.chance(0.5) ? en.company.name() : `${en.word.adjective()} ${en.word.noun()}`;
  const slug = base.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, rng.pick(['', '-', ''])).replace(/^-|-$/g, '').slice(0, 24) || 'example';
  return `${slug}.${rng.weighted(TLDS)}`;
}

export function webHost(rng: Rng, en: Faker): string {
  return `${rng.weighted([['www.', 6], ['', 3], ['shop.', 1], ['app.', 1], ['m.', 0.5]] as const)}${siteName(rng, en)}`;
}

export function apiHost(rng: Rng, en: Faker): string {
  return `${rng.weighted([['api.', 6], ['', 1], ['gateway.', 1], ['backend.', 1]] as const)}${siteName(rng, en)}`;
}
