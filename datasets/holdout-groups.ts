/**
 * The groups the leave-one-out protocol holds out, one training run each: every generated benign
 * family, the shared benign sources, every shared attack source and every attack category across
 * sources. A group says which texts are measured (`test`), which are kept out of training without
 * being measured (`drop`: mutations of a held-out source or category, and the grammar-synthesized
 * attacks of a held-out category, which would otherwise teach the model the category anyway), and
 * which are trained on (`fit`).
 */
import { FAMILIES } from './loaders.js';
import { DEFAULT_ATTACK_FAMILIES } from '../src/model/training-data/attack-families/index.js';
import type { Placement } from './training-run.js';
import type { LabelledText } from './training-set.js';

export type HoldoutKind = 'benign' | 'attack-source' | 'attack-category' | 'attack-family';

export interface HoldoutGroup {
  /** `warden-gen/json-api`, `tinyshakespeare`, `source:libinjection`, `category:sqli`... */
  name: string;
  kind: HoldoutKind;
  place: (t: LabelledText) => Placement;
  /** What else was kept out of training, for the table. */
  alsoDropped: string;
  /** The generated benign families the group holds out: kept out of the run's request calibration too, as train-model.ts keeps a held-out family out of it. */
  families?: readonly string[];
}

const MUTATION = 'mutation:';
const SYNTHETIC = 'synthetic';
const FAMILY = 'family';

/** Shared attack sources (folders of ../shared/datasets with attack payloads). */
export const ATTACK_SOURCES = ['libinjection', 'payloadsallthethings', 'httpparamsdataset', 'gotestwaf-testcases'] as const;

/**
 * Attack categories across the shared sources, with the synthesized categories that carry the same
 * attacks (the grammar in src/model/training-data/attack-grammar.ts names them the same way).
 */
export const ATTACK_CATEGORIES: readonly { name: string; categories: readonly string[]; synthetic: readonly string[] }[] = [
  { name: 'sqli', categories: ['sqli'], synthetic: ['sqli'] },
  { name: 'xss', categories: ['xss'], synthetic: ['xss'] },
  { name: 'cmdexe', categories: ['cmdexe'], synthetic: ['cmdexe'] },
  { name: 'traversal', categories: ['traversal'], synthetic: ['traversal'] },
  { name: 'ssti', categories: ['ssti'], synthetic: ['ssti'] },
  { name: 'open-redirect', categories: ['open-redirect'], synthetic: ['open-redirect'] },
  { name: 'xxe', categories: ['xxe'], synthetic: ['xxe'] },
  { name: 'nosqli+ldap', categories: ['nosqli', 'ldap'], synthetic: ['nosqli', 'ldap'] },
];

function benignGroup(name: string, matches: (t: LabelledText) => boolean): HoldoutGroup {
  return { name, kind: 'benign', place: (t) => (t.label === 0 && matches(t) ? 'test' : 'fit'), alsoDropped: '' };
}

function attackSourceGroup(source: string): HoldoutGroup {
  return {
    name: `source:${source}`,
    kind: 'attack-source',
    place: (t) => (t.label !== 1 ? 'fit' : t.source === source ? 'test' : t.source === MUTATION + source ? 'drop' : 'fit'),
    alsoDropped: `mutations of ${source}`,
  };
}

function attackCategoryGroup(c: (typeof ATTACK_CATEGORIES)[number]): HoldoutGroup {
  return {
    name: `category:${c.name}`,
    kind: 'attack-category',
    place: (t) => {
      if (t.label !== 1) return 'fit';
      if (t.source === SYNTHETIC) return c.synthetic.includes(t.category) ? 'drop' : 'fit';
      if (!c.categories.includes(t.category)) return 'fit';
      return t.source.startsWith(MUTATION) ? 'drop' : 'test';
    },
    alsoDropped: `mutations; synthetic/${c.synthetic.join(', synthetic/')}`,
  };
}

/**
 * One issue-14 attack family (`training-data/attack-families`, source `family`): its grammar's texts
 * are measured, every other family and the older grammar stay in training (what transfers to it).
 */
function attackFamilyGroup(name: string): HoldoutGroup {
  return { name: `family:${name}`, kind: 'attack-family', place: (t) => (t.label === 1 && t.source === FAMILY && t.category === name ? 'test' : 'fit'), alsoDropped: '' };
}

/** Every group of the protocol, in table order. */
export function holdoutGroups(): HoldoutGroup[] {
  return [
    ...FAMILIES.map((f) => ({ ...benignGroup(`warden-gen/${f.name}`, (t) => t.source === 'warden-gen' && t.category === f.name), families: [f.name] })),
    benignGroup('tinyshakespeare', (t) => t.source === 'tinyshakespeare'),
    benignGroup('libinjection/free-text', (t) => t.source === 'libinjection' && t.category === 'free-text'),
    benignGroup('apache-access-log', (t) => t.source === 'apache-access-log'),
    benignGroup('hard-benign (training-data values)', (t) => t.source === 'hard-benign'),
    ...ATTACK_SOURCES.map(attackSourceGroup),
    ...ATTACK_CATEGORIES.map(attackCategoryGroup),
    ...DEFAULT_ATTACK_FAMILIES.map((name) => attackFamilyGroup(name)),
  ];
}

/** The run with nothing held out, for calibration: the same recipe, every text in the split. */
export const NOTHING_HELD_OUT: HoldoutGroup = { name: '(nothing held out)', kind: 'benign', place: () => 'fit', alsoDropped: '' };

/**
 * Whether a text of the validation split belongs to the group (the with-training comparison): the
 * texts the group would measure, seen in a run that trained on the rest of the group.
 */
export function inGroup(group: HoldoutGroup, t: LabelledText): boolean {
  return group.place(t) === 'test';
}
