/** The words after `flag` up to the next `--flag` (`--rules A B --every 3` → ["A", "B"]); [] when absent. */
export function listAfter(argv: readonly string[], flag: string): string[] {
  const i = argv.indexOf(flag);
  if (i < 0) return [];
  const out: string[] = [];
  for (let k = i + 1; k < argv.length && !argv[k].startsWith('--'); k++) out.push(argv[k]);
  return out;
}
