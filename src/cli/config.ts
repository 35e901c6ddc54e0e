import { loadConfig } from '../config/load-config.js';
import { parseArgs, type CliIo, type CommandSpec } from './args.js';
import { cliUsage } from './errors.js';
import { buildAccessControl } from '../access/access-control.js';
import { readSecret } from '../access/secret.js';
import { compileRateLimitRules } from '../ratelimit/rate-limits.js';
import { verifiedIdentities } from '../ratelimit/service.js';
import { checkTlsFiles, formatTlsFiles } from '../tls/check-files.js';
import { redactConfigSecrets } from '../config/redact-secrets.js';
import { inspectionGates, type AssemblyLog } from '../assemble.js';
import { WardenMetrics } from '../log/metrics.js';

const HELP = `Usage: warden config check <file> [--json]

Validates a Warden config file (YAML or JSON) against its schema and prints the effective config
with every default filled in. Exits 1 with the path of each bad key when the file is invalid.
The access section is checked as serve would build it: list files read line by line, the JWKS
file and HMAC secret read, every route's requirement against the configured methods, admin.token
read (a JWKS URL is not fetched). rateLimits rules are compiled as serve would (key parts, unique
ids, apiKey / jwt.sub keys only where access control verifies them). Every TLS file is read as serve
reads it at start-up (tls.certificates pairs, tls.clientCertificates.ca, upstreamTls.ca): a missing or
unreadable file, a file that is not PEM, a key of another certificate stop it with their
WARDEN_TLS_* codes, all of them listed; each certificate's names and end date are printed, and one
that has expired or ends within tls.expiryWarningDays (14) is a warning (exit 0).
The rules, model and OpenAPI document are built as serve builds them at start-up: a rule file or
pack that cannot be read, a tuning sidecar that does not load, rejected rules with rules.strict, an
OpenAPI document that does not load, a model that does not load with model.onLoadError: refuse stop
it (exit 1) with serve's code; a model that does not load with signatures-only, and rules rejected
at import, are warnings (exit 0: serve runs, on signatures only or without those rules).
Secrets the file may hold inline are printed as [REDACTED]: alert webhook header values and URL
paths, API key hashes, passwords and query values of URLs (Redis, JWKS).`;

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
  // The certificate files, as serve reads them at start-up; every problem at once.
  const tlsFiles = await checkTlsFiles(config);
  for (const e of tlsFiles.problems) io.err(`warden config: ${e.code}: ${e.message}`);
  if (tlsFiles.problems.length > 0) return 1;
  for (const w of tlsFiles.warnings) io.err(`warden config: warning ${w.code}: ${w.message}`);
  // What the schema cannot see (files' contents, methods a route needs but nobody configured).
  (await buildAccessControl(config.access))?.close();
  if (config.admin.token !== null) await readSecret(config.admin.token, 'admin.token');
  compileRateLimitRules(config.rateLimits, verifiedIdentities(config));
  // The files the gates read (rule files and packs, tuning sidecar, model, OpenAPI document): a file
  // serve would refuse at start-up must not pass here; what serve would only warn about is a warning.
  const warnings: string[] = [];
  const warn = (f: { code?: string; reason?: string; examples?: string[] }, m: string): void => {
    const detail = f.reason ?? f.examples?.join('; ');
    warnings.push(`${f.code !== undefined ? `${f.code}: ` : ''}${m}${detail !== undefined ? ` (${detail})` : ''}`);
  };
  const log: AssemblyLog = { info: () => undefined, warn, error: warn };
  await inspectionGates(config, log, new WardenMetrics(false));
  for (const w of warnings) io.err(`warden config: warning ${w}`);
  const printable = redactConfigSecrets(config);
  if (args.flags.has('json')) io.out(JSON.stringify(printable));
  else io.out([`${file}: valid`, ...formatTlsFiles(tlsFiles.certificates), JSON.stringify(printable, null, 2)].join('\n'));
  return 0;
}
