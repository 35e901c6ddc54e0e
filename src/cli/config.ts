import { loadConfig } from '../config/load-config.js';
import { parseArgs, type CliIo, type CommandSpec } from './args.js';
import { cliUsage } from './errors.js';
import { buildAccessControl } from '../access/access-control.js';
import { readSecret } from '../access/secret.js';
import { compileRateLimitRules } from '../ratelimit/rate-limits.js';
import { verifiedIdentities } from '../ratelimit/service.js';

const HELP = `Usage: warden config check <file> [--json]

Validates a Warden config file (YAML or JSON) against its schema and prints the effective config
with every default filled in. Exits 1 with the path of each bad key when the file is invalid.
The access section is checked as serve would build it: list files read line by line, the JWKS
file and HMAC secret read, every route's requirement against the configured methods, admin.token
read (a JWKS URL is not fetched). rateLimits rules are compiled as serve would (key parts, unique
ids, apiKey / jwt.sub keys only where access control verifies them).`;

export const CONFIG_CHECK_FLAGS: CommandSpec = { name: 'config check', maxPositionals: 2, flags: { json: { kind: 'boolean' } } };

export async function runConfigCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, CONFIG_CHECK_FLAGS);
  const [sub, file] = args.positionals;
  if (args.flags.has('help')) {
    io.out(HELP);
    return 0;
  }
  if (sub !== 'check') throw cliUsage('config', sub === undefined ? 'missing subcommand: warden config check <file>' : `unknown subcommand "${sub}" (the one there is: check)`);
  if (file === undefined) throw cliUsage('config check', 'give the config file to check');
  const config = await loadConfig(file);
  // What the schema cannot see (files' contents, methods a route needs but nobody configured).
  (await buildAccessControl(config.access))?.close();
  if (config.admin.token !== null) await readSecret(config.admin.token, 'admin.token');
  compileRateLimitRules(config.rateLimits, verifiedIdentities(config));
  io.out(args.flags.has('json') ? JSON.stringify(config) : `${file}: valid\n${JSON.stringify(config, null, 2)}`);
  return 0;
}
