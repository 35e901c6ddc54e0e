import { loadConfig } from '../config/load-config.js';
import { parseArgs, type CliIo } from './args.js';

const HELP = `Usage: warden config check <file> [--json]

Validates a Warden config file (YAML or JSON) against its schema and prints the effective config
with every default filled in. Exits 1 with the path of each bad key when the file is invalid.`;

export async function runConfigCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, new Set(['help', 'json']));
  const [sub, file] = args.positionals;
  if (args.flags.has('help') || sub !== 'check' || file === undefined) {
    io.out(HELP);
    return args.flags.has('help') ? 0 : 2;
  }
  const config = await loadConfig(file);
  io.out(args.flags.has('json') ? JSON.stringify(config) : `${file}: valid\n${JSON.stringify(config, null, 2)}`);
  return 0;
}
