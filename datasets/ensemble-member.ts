/**
 * One member of a written ensemble as its own payload model, the inverse of datasets/ensemble.ts.
 *
 *   npx tsx datasets/ensemble-member.ts --model DIR --member I --out DIR
 *
 * Writes member `I` (0-based, in `training.ensemble.members` order) with its own output bias, that is at
 * its own request point, as the member was trained and written before stacking: its weights' sha256 is
 * the one the ensemble records for it. Why: an ablation of a recipe compares one new member with one
 * member of the model in force (datasets/README.md, "Session 27"), and the members' own directories are
 * gone once the ensemble is shipped.
 */
import { parseArgs, stringFlag } from '../src/cli/args.js';
import { isEnsemble, memberWeights } from '../src/model/ensemble.js';
import { loadPayloadModel } from '../src/model/load.js';
import { writeModelFiles } from '../src/model/model-files.js';

const HELP = `npx tsx datasets/ensemble-member.ts --model DIR --member I --out DIR
  --model DIR   a written ensemble (model.json architecture.members ≥ 2)
  --member I    which member, 0-based, in the order model.json's training.ensemble.members lists them
  --out DIR     where the member is written as one MLP (model.json, weights.bin)`;

export interface EnsembleMemberIo {
  out(line: string): void;
}

export async function runEnsembleMember(argv: readonly string[], io: EnsembleMemberIo): Promise<number> {
  const args = parseArgs([...argv], {
    name: 'datasets/ensemble-member.ts',
    maxPositionals: 0,
    flags: { model: { kind: 'string' }, member: { kind: 'integer', min: 0 }, out: { kind: 'string' } },
  });
  if (args.flags.has('help')) {
    io.out(HELP);
    return 0;
  }
  const dir = stringFlag(args, 'model');
  const index = stringFlag(args, 'member');
  const out = stringFlag(args, 'out');
  if (dir === undefined || index === undefined || out === undefined) {
    io.out(`${HELP}\n\n--model, --member and --out are required`);
    return 1;
  }
  const model = await loadPayloadModel(dir);
  const i = Number(index);
  if (!isEnsemble(model.weights)) {
    io.out(`${dir}: one MLP, not an ensemble`);
    return 1;
  }
  if (i >= model.weights.members) {
    io.out(`${dir}: has ${model.weights.members} members, no member ${i}`);
    return 1;
  }
  const recorded = (model.metadata.training.ensemble as { members?: unknown[] } | undefined)?.members?.[i];
  const meta = await writeModelFiles(out, memberWeights(model.weights, i), {
    version: `${model.metadata.version}-member-${i}`,
    createdAt: new Date().toISOString(),
    features: model.metadata.features,
    threshold: model.metadata.threshold,
    training: { memberOf: { version: model.metadata.version, weightsSha256: model.metadata.weights.sha256, index: i }, ...(recorded === undefined ? {} : { recorded }) },
  });
  io.out(`wrote ${out}: member ${i} of ${model.metadata.version}, weights sha256 ${meta.weights.sha256}`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = await runEnsembleMember(process.argv.slice(2), { out: (s) => console.log(s) });
  } catch (err) {
    const e = err as { code?: string; message?: string };
    console.error(`ensemble-member: ${e.code ?? 'error'}: ${e.message ?? String(err)}`);
    process.exitCode = 1;
  }
}
