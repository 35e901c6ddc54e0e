/** The contract every family module implements, and what a family gets to build one request. */
import type { Faker } from '@faker-js/faker';
import type { FakerPool } from './people.js';
import type { Rng } from './rng.js';
import type { TextCorpus } from './text.js';
import type { WireRequest } from './wire.js';

export interface GenContext {
  /** This family's own random stream (derived from the seed and the family name). */
  rng: Rng;
  /** Faker per locale, seeded from the same (seed, family). */
  fakers: FakerPool;
  /** English faker shortcut. */
  en: Faker;
  /** README/docs prose and code from node_modules. */
  text: TextCorpus;
  seed: number;
}

export interface Family {
  /** Family name: the records' `category` and the output file `<name>.ndjson`. */
  name: string;
  /** One line for the README and the manifest. */
  summary: string;
  /** Records at scale 1. */
  perScale: number;
  /** Overrides `round(perScale * scale)` (the hand-written set emits all its entries). */
  count?: (scale: number) => number;
  /** Builds record number `i` (0-based). Must draw randomness only from `ctx`. */
  make: (ctx: GenContext, i: number) => WireRequest;
}
