/**
 * Leave-one-out validation of the payload model (issue 9): assembles the corpus once, then for every
 * benign family / source and every attack source / category trains without it and measures TNR
 * (benign) or TPR (attack) on it at the threshold that run picked on its own validation split.
 *
 *   npx tsx datasets/leave-one-out.ts --scale 0.3 --epochs 2 --out /tmp/lofo.json --markdown /tmp/lofo.md
 *
 * A run with nothing held out (same recipe) comes first: its validation texts of each group give the
 * "trained on it" figure, so a group the model passes only when it has seen it shows up as a warning.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs, stringFlag, type CommandSpec } from '../src/cli/args.js';
import { groupMetrics, worstFalsePositives, type ScoredText } from '../src/model/evaluate.js';
import { holdoutGroups, inGroup, NOTHING_HELD_OUT, type HoldoutGroup, type HoldoutKind } from './holdout-groups.js';
import { renderLeaveOneOutMarkdown, type LeaveOneOutReport, type LeaveOneOutRow, type Rate } from './leave-one-out-report.js';
import { fitAndScore, numberFlag, recipeFromArgs, recipePlace, splitForTraining, type Split, type TrainingRecipe } from './training-run.js';
import { RECIPE_FLAGS } from '../src/cli/train-flags.js';
import { assembleTrainingSet, familyValidationTexts, type LabelledText } from './training-set.js';
import { calibrationRequests, calibrationSeed, requestCalibrationFlag, withoutFamilies, type CalibrationRequests } from './request-calibration.js';

const HELP = `npx tsx datasets/leave-one-out.ts [--scale 0.3] [--epochs 2] [--mutations 0.5] [--family-attacks 600] [--only fam1,fam2] [--runs "a,b;c,d"] [--out report.json] [--markdown file.md]
  [--min-tnr 99.5] [--min-tpr 90] [--no-calibration] [--request-calibration on|off] and every recipe flag of datasets/train-model.ts
  (--data, --seed, --hidden, --mutations, --synthesized, --max-per-group, --max-fpr, --char-ngrams, --benign-families,
  --family-attacks, --family-weights, --family-split, --exploit-attacks, --exploit-code, --benign-repeats...).

Each run trains what train-model.ts trains with the same flags, minus the held-out groups: benign texts
traffic repeats (--benign-repeats kept) and, under --family-split whole, attack-family texts are trained
on, the family validation draws of the groups not held out join validation, and (--request-calibration
on, the default as in train-model.ts) the threshold is raised to the request point on the calibration
requests of the run's benign families minus the held-out ones. Tables before 2026-12-05 were made
before the tool did this: per-text threshold, split recipe (as --request-calibration off with the
default --benign-repeats and --family-split). --no-calibration skips the run with nothing held out
(which gives the "trained on" column), not the request calibration.

Trains once per held-out group (generated families, shared benign sources, attack sources, attack
categories, issue-14 attack families; --only picks groups by name: json-api, warden-gen/json-api,
libinjection, sqli, powershell...), after
one calibration run with nothing held out. A group whose held-out TNR/TPR is below --min-tnr/--min-tpr
while the calibration run passes it is a warning: the model only passes it when trained on it.

--runs "a,b;c,d" holds several groups out in one run each (here two runs), to fit a time budget: each
group keeps its own row, measured on its own texts, but also lacks what the others of its run teach,
so its figure is a lower bound of a one-group run's; pick groups of different kinds per run.`;

/** Defaults of the table recipe: a full-scale run takes ~400 s on the dev machine, this one about a minute (other flags: train-model.ts's defaults). */
const TABLE_DEFAULTS: Record<string, string> = { scale: '0.3', epochs: '2', mutations: '0.5', 'family-attacks': '600' };

function rateOf(scored: readonly ScoredText[], kind: HoldoutKind, threshold: number): Rate {
  const all = groupMetrics(
    scored.map((s) => ({ ...s, group: 'all' })),
    threshold,
  )[0];
  if (all === undefined) return { count: 0, rate: NaN };
  return kind === 'benign' ? { count: all.benign, rate: all.tnr } : { count: all.attacks, rate: all.tpr };
}

function worstOf(scored: readonly ScoredText[], kind: HoldoutKind, threshold: number): LeaveOneOutRow['worst'] {
  const picked =
    kind === 'benign'
      ? worstFalsePositives(scored, threshold, 5)
      : scored
          .filter((s) => s.label === 1 && s.score < threshold)
          .sort((a, b) => a.score - b.score)
          .slice(0, 5);
  return picked.map((s) => ({ score: s.score, group: s.group, text: s.text.slice(0, 160) }));
}

function matchesOnly(group: HoldoutGroup, only: readonly string[]): boolean {
  return only.some((o) => group.name === o || group.name.endsWith(`/${o}`) || group.name === `source:${o}` || group.name === `category:${o}` || group.name === `family:${o}` || group.name.startsWith(`${o} `));
}

/**
 * The split of a run holding `group` out: what train-model.ts's `placeForRun` gives with nothing held
 * out or kept out (`recipePlace`), except the group's texts (measured or dropped), plus, under
 * `--family-split whole`, the fresh family draws train-model.ts validates on, less the held-out ones.
 */
export function splitForGroup(texts: readonly LabelledText[], group: HoldoutGroup, recipe: Pick<TrainingRecipe, 'seed' | 'familySplit' | 'assembly'>): Split {
  const split = splitForTraining(texts, recipe.seed, (t) => {
    const p = group.place(t);
    return p === 'fit' ? recipePlace(t, recipe.familySplit) : p;
  });
  if (recipe.familySplit === 'whole') split.validation.push(...familyValidationTexts(recipe.assembly).filter((t) => group.place(t) === 'fit'));
  return split;
}

/** The run's calibration requests: those of every family drawn, less the generated families the group holds out. */
export function calibrationFor(all: CalibrationRequests | undefined, group: HoldoutGroup): CalibrationRequests | undefined {
  return all === undefined ? undefined : withoutFamilies(all, group.families ?? []);
}

async function runOne(texts: readonly LabelledText[], group: HoldoutGroup, recipe: TrainingRecipe, log: (s: string) => void, calibration?: CalibrationRequests) {
  const split = splitForGroup(texts, group, recipe);
  log(`train ${split.train.length} (attack ${split.train.filter((t) => t.label === 1).length}), validation ${split.validation.length}, held out ${split.heldOut.length}`);
  const mine = calibrationFor(calibration, group);
  if (mine !== undefined) log(`request calibration: ${mine.requests.length} generated benign requests${group.families?.length ? ` (without ${group.families.join(', ')})` : ''}`);
  const run = await fitAndScore(split, recipe, log, mine);
  const threshold = run.fit.rawThreshold;
  const v = rateOf(run.validation, 'benign', threshold);
  const va = rateOf(run.validation, 'attack-source', threshold);
  const row: LeaveOneOutRow = {
    group: group.name,
    kind: group.kind,
    alsoDropped: group.alsoDropped,
    heldOut: rateOf(run.heldOut, group.kind, threshold),
    ...(run.requestPoint !== undefined ? { heldOutAtTextThreshold: rateOf(run.heldOut, group.kind, run.textThreshold) } : {}),
    trainedOn: null,
    validation: { tpr: va.rate, tnr: v.rate, attacks: va.count, benign: v.count },
    rawThreshold: threshold,
    ...(run.requestPoint !== undefined ? { textThreshold: run.textThreshold } : {}),
    trainSeconds: Math.round(run.fit.elapsedMs / 1000),
    worst: worstOf(run.heldOut, group.kind, threshold),
  };
  return { row, split, run };
}

/**
 * Several groups held out in one run (`--runs`): a text is measured when any member measures it,
 * dropped when any member drops it. Each member still gets its own row, measured on its own texts; a
 * group then also lacks what the others of its run would have taught, so its figure is a lower bound
 * of a one-group run's.
 */
export function together(members: readonly HoldoutGroup[]): HoldoutGroup {
  return {
    name: members.map((m) => m.name).join(' + '),
    kind: members[0].kind,
    alsoDropped: '',
    families: members.flatMap((m) => m.families ?? []),
    place: (t) => {
      let where: 'fit' | 'drop' | 'test' = 'fit';
      for (const m of members) {
        const p = m.place(t);
        if (p === 'test') return 'test';
        if (p === 'drop') where = 'drop';
      }
      return where;
    },
  };
}

async function runTogether(texts: readonly LabelledText[], members: readonly HoldoutGroup[], recipe: TrainingRecipe, log: (s: string) => void, calibration?: CalibrationRequests): Promise<LeaveOneOutRow[]> {
  const { row: shared, split, run } = await runOne(texts, together(members), recipe, log, calibration);
  const threshold = run.fit.rawThreshold;
  return members.map((m) => {
    const mine = run.heldOut.filter((_, k) => inGroup(m, split.heldOut[k]));
    const others = members.filter((o) => o !== m).map((o) => o.name);
    return {
      ...shared,
      group: m.name,
      kind: m.kind,
      alsoDropped: [m.alsoDropped, others.length ? `held out in the same run: ${others.join(', ')}` : ''].filter(Boolean).join('; '),
      heldOut: rateOf(mine, m.kind, threshold),
      ...(run.requestPoint !== undefined ? { heldOutAtTextThreshold: rateOf(mine, m.kind, run.textThreshold) } : {}),
      worst: worstOf(mine, m.kind, threshold),
    };
  });
}

const LEAVE_ONE_OUT_FLAGS: CommandSpec = {
  name: 'leave-one-out',
  maxPositionals: 0,
  flags: { ...RECIPE_FLAGS, only: { kind: 'string' }, out: { kind: 'string' }, markdown: { kind: 'string' }, 'min-tnr': { kind: 'number', min: 0, max: 100 }, 'min-tpr': { kind: 'number', min: 0, max: 100 }, 'no-calibration': { kind: 'boolean' }, runs: { kind: 'string' }, 'request-calibration': { kind: 'string' } },
};

export async function runLeaveOneOut(argv: string[], io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  const args = parseArgs(argv, LEAVE_ONE_OUT_FLAGS);
  if (args.flags.has('help')) {
    io.out(HELP);
    return 0;
  }
  for (const [k, v] of Object.entries(TABLE_DEFAULTS)) if (!args.flags.has(k)) args.flags.set(k, v);
  const recipe = recipeFromArgs(args);
  const requestCalibration = requestCalibrationFlag(stringFlag(args, 'request-calibration'));
  const only = (stringFlag(args, 'only') ?? '').split(',').filter(Boolean);
  const runsFlag = stringFlag(args, 'runs');
  const runSets: HoldoutGroup[][] | null =
    runsFlag === undefined ? null : runsFlag.split(';').filter(Boolean).map((set) => holdoutGroups().filter((g) => matchesOnly(g, set.split(',').filter(Boolean))));
  if (runSets !== null && runSets.some((set, i) => set.length !== runsFlag!.split(';').filter(Boolean)[i].split(',').filter(Boolean).length)) {
    io.err(`--runs names a group that does not exist, or one name matches several; groups: ${holdoutGroups().map((g) => g.name).join(', ')}`);
    return 2;
  }
  const groups = runSets !== null ? runSets.flat() : holdoutGroups().filter((g) => only.length === 0 || matchesOnly(g, only));
  if (groups.length === 0) {
    io.err(`--only ${only.join(',')} matches no group; groups: ${holdoutGroups().map((g) => g.name).join(', ')}`);
    return 2;
  }
  const outFile = stringFlag(args, 'out');
  const mdFile = stringFlag(args, 'markdown');
  const report: LeaveOneOutReport = {
    date: new Date().toISOString().slice(0, 10),
    command: `npx tsx datasets/leave-one-out.ts ${argv.join(' ')}`.trim(),
    recipe: {
      seed: recipe.seed,
      scale: recipe.assembly.scale,
      epochs: recipe.epochs,
      hidden: recipe.hidden,
      mutations: recipe.assembly.mutationsPerAttack,
      synthesized: recipe.assembly.synthesized,
      maxPerGroup: recipe.assembly.maxPerBenignGroup,
      maxFpr: recipe.maxFpr,
      familyAttacks: recipe.assembly.familyAttacks,
      familyWeights: recipe.assembly.familyWeights ?? {},
      familySplit: recipe.familySplit,
      benignRepeats: recipe.assembly.benignRepeats ?? 'sampled',
      exploitAttacks: recipe.assembly.exploitAttacks ?? 0,
      exploitCode: recipe.assembly.exploitCode ?? 'keep',
      requestCalibration,
      ...(recipe.featureConfig.positionNgrams ? { positionNgrams: recipe.featureConfig.positionNgrams } : {}),
    },
    marks: { minTnr: numberFlag(args, 'min-tnr', 99.5) / 100, minTpr: numberFlag(args, 'min-tpr', 90) / 100 },
    calibration: null,
    rows: [],
  };
  const save = async (): Promise<void> => {
    if (outFile) await writeFile(outFile, JSON.stringify(report, null, 2) + '\n');
    if (mdFile) await writeFile(mdFile, renderLeaveOneOutMarkdown(report));
  };

  const started = performance.now();
  const corpus = assembleTrainingSet(recipe.assembly);
  const set = corpus;
  io.err(`assembled ${set.texts.length} screened texts in ${((performance.now() - started) / 1000).toFixed(1)} s; ${groups.length} groups to hold out`);
  // Generated once for every family drawn; each run leaves its held-out families out (calibrationFor).
  const calibration = requestCalibration ? await calibrationRequests({ seed: recipe.seed, families: recipe.assembly.benignFamilies ?? [] }) : undefined;
  if (calibration) io.err(`request calibration: ${calibration.requests.length} generated benign requests of seed ${calibrationSeed(recipe.seed)}, ${calibration.texts.length} distinct texts reach the model`);

  let calibrationValidation: { texts: LabelledText[]; scored: ScoredText[]; threshold: number } | null = null;
  if (!args.flags.has('no-calibration')) {
    io.err(`[calibration] nothing held out`);
    const { row, split, run } = await runOne(set.texts, NOTHING_HELD_OUT, recipe, (s) => io.err(`  ${s}`), calibration);
    report.calibration = { ...row, heldOut: { count: 0, rate: NaN }, worst: [] };
    calibrationValidation = { texts: split.validation, scored: run.validation, threshold: run.fit.rawThreshold };
    io.err(`[calibration] validation TPR ${pctOf(row.validation.tpr)} TNR ${pctOf(row.validation.tnr)}, raw threshold ${row.rawThreshold.toFixed(4)}`);
    await save();
  }

  if (runSets !== null) {
    for (const [i, set] of runSets.entries()) {
      const t0 = performance.now();
      io.err(`[run ${i + 1}/${runSets.length}] holding out together: ${set.map((g) => g.name).join(', ')}`);
      const rows = await runTogether(corpus.texts, set, recipe, (s) => io.err(`  ${s}`), calibration);
      for (const row of rows) {
        const member = set.find((g) => g.name === row.group)!;
        if (calibrationValidation !== null) {
          const { texts, scored, threshold } = calibrationValidation;
          row.trainedOn = rateOf(
            scored.filter((_, k) => inGroup(member, texts[k])),
            member.kind,
            threshold,
          );
        }
        report.rows.push(row);
        io.err(`  ${row.group}: held-out ${row.kind === 'benign' ? 'TNR' : 'TPR'} ${pctOf(row.heldOut.rate)} (${row.heldOut.count})`);
      }
      io.err(`[run ${i + 1}/${runSets.length}] ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      await save();
    }
    io.out(renderLeaveOneOutMarkdown(report));
    return 0;
  }

  for (const [i, group] of groups.entries()) {
    const t0 = performance.now();
    io.err(`[${i + 1}/${groups.length}] holding out ${group.name}`);
    const { row } = await runOne(set.texts, group, recipe, (s) => io.err(`  ${s}`), calibration);
    if (calibrationValidation !== null) {
      const { texts, scored, threshold } = calibrationValidation;
      row.trainedOn = rateOf(
        scored.filter((_, k) => inGroup(group, texts[k])),
        group.kind,
        threshold,
      );
    }
    report.rows.push(row);
    const what = group.kind === 'benign' ? 'TNR' : 'TPR';
    io.err(
      `[${i + 1}/${groups.length}] ${group.name}: held-out ${what} ${pctOf(row.heldOut.rate)} (${row.heldOut.count})` +
        (row.trainedOn ? `, trained on ${pctOf(row.trainedOn.rate)} (${row.trainedOn.count})` : '') +
        `; validation TPR ${pctOf(row.validation.tpr)} TNR ${pctOf(row.validation.tnr)}; ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    await save();
  }
  io.out(renderLeaveOneOutMarkdown(report));
  return 0;
}

function pctOf(x: number): string {
  return Number.isNaN(x) ? '-' : `${(x * 100).toFixed(2)} %`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runLeaveOneOut(process.argv.slice(2), { out: (s) => console.log(s), err: (s) => console.error(s) });
}
