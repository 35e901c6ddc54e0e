import { readFileSync } from 'node:fs';
import { processIo, type CliIo } from './args.js';
import { WardenError } from '../errors.js';
import { USAGE_ERROR_CODES } from './errors.js';
import { exitQuietlyOnClosedPipes } from './pipe-guard.js';

const USAGE = `warden: an inline WAF proxy with Snort signatures, an ML payload model and OpenAPI enforcement

Usage: warden <command> [options]

Commands:
  serve            run the proxy in front of an upstream (default command)
  config check     validate a config file and print the effective config
  rules check      import report for Snort rule files (accepted / warning / rejected)
  rules import     check rule files, add them to the config's rules.files, reload a running Warden
  rules test       show which rules match a raw HTTP request, and where
  rules tune       per-rule benign hit rate; demote or disable rules that fire on benign traffic
  schema check     list the operations of an OpenAPI document and what is unsupported
  incident         print the decision of one incident from the decision log (why was it blocked?)
  eval             run request records (NDJSON) through the full pipeline offline
  train            train a payload model (--from-logs: retrain from the traffic log)
  label            mark logged requests benign (false positive) or attack, for retraining
  replay           replay logged requests through the current and a candidate model, show what flips
  promote          swap a candidate model in, if it passes the promotion gate
  rollback         return to the model in force before the last promote
  keys             API keys of access.apiKeys: add (shown once, stored hashed), list, disable
  alerts test      send a sample alert to every configured sink; report delivered/failed per sink
  bench            benchmarks: cost per request and detection, beside NGINX and ModSecurity (checkout)

Run 'warden <command> --help' for the options of a command.
`;

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return 'unknown';
  }
}

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Each command's module is loaded only when used: `warden rules check` must not pay for tfjs. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve.js')).runServeCommand,
  config: async () => (await import('./config.js')).runConfigCommand,
  rules: async () => (await import('./rules.js')).runRulesCommand,
  schema: async () => (await import('./schema.js')).runSchemaCommand,
  eval: async () => (await import('./eval.js')).runEvalCommand,
  train: async () => (await import('./train.js')).runTrainCommand,
  bench: async () => (await import('./bench.js')).runBenchCommand,
  label: async () => (await import('./label.js')).runLabelCommand,
  replay: async () => (await import('./replay.js')).runReplayCommand,
  promote: async () => (await import('./promote.js')).runPromoteCommand,
  rollback: async () => (await import('./promote.js')).runRollbackCommand,
  incident: async () => (await import('./incident.js')).runIncidentCommand,
  keys: async () => (await import('./keys.js')).runKeysCommand,
  alerts: async () => (await import('./alerts.js')).runAlertsCommand,
};

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  if (io === processIo) exitQuietlyOnClosedPipes();
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    io.out(version());
    return 0;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.out(USAGE);
    return 0;
  }
  // `warden --upstream ...` is `warden serve --upstream ...`: the one-line start.
  const name = first === undefined || first.startsWith('--') ? 'serve' : first;
  const args = name === first ? rest : argv;
  const load = COMMANDS[name];
  if (load === undefined) {
    io.err(`warden: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(args, io);
  } catch (err) {
    // Every failure ends here as one line (its code, then what is wrong): never a stack trace.
    if (err instanceof WardenError && USAGE_ERROR_CODES.has(err.code)) {
      io.err(`warden ${name}: ${err.message}`);
      return 2;
    }
    const e = err as { code?: string; message?: string };
    const message = e.message ?? String(err);
    // Node's own errors already start with their code (`ENOENT: no such file ...`).
    const prefix = e.code !== undefined && !message.startsWith(e.code) ? `${e.code}: ` : '';
    io.err(`warden ${name}: ${prefix}${message}`);
    return 1;
  }
}
