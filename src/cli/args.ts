/**
 * The one argv parser of every command: each command declares its flags in a table (name, kind,
 * allowed values) and this module validates them all the same way, so a typo or a bad value is
 * refused with the flag's name (`unknown flag --upsteam (did you mean --upstream?)`) instead of being
 * silently ignored or reported against the config file.
 */
import { cliBadFlagValue, cliMissingFlagValue, cliUnknownFlag, cliUnexpectedArgument } from './errors.js';

export type FlagKind =
  /** Present or not; `--json=yes` is refused. */
  | { kind: 'boolean' }
  /** Any text (a file, a name); `values` for free text with a placeholder in help. */
  | { kind: 'string' }
  | { kind: 'enum'; values: readonly string[] }
  /** An integer within [min, max]. */
  | { kind: 'integer'; min?: number; max?: number }
  /** A finite number within [min, max]. */
  | { kind: 'number'; min?: number; max?: number }
  /** An http(s) URL. */
  | { kind: 'url' }
  /** HOST:PORT (`[::1]:8000` for IPv6); `alsoAllowed` words such as `off`. */
  | { kind: 'hostPort'; alsoAllowed?: readonly string[] }
  /** A comma-separated list of enum values. */
  | { kind: 'enumList'; values: readonly string[] };

export type FlagSpec = FlagKind & {
  /** The flag may be given several times (`--corpus a --corpus b`); every value is kept. */
  repeatable?: boolean;
  /** The value may be left out (`--errors` or `--errors 5`): then the flag reads as `true`. */
  optionalValue?: boolean;
};

export interface CommandSpec {
  /** `serve`, `rules check`: how errors and help name the command. */
  name: string;
  flags: Readonly<Record<string, FlagSpec>>;
  /** Most positionals the command takes (default: any number). */
  maxPositionals?: number;
}

export interface ParsedArgs {
  positionals: string[];
  /** The last value of each flag given (`true` for a boolean flag or an optional value left out). */
  flags: Map<string, string | true>;
  /** Every value of each flag given, in order (for repeatable flags). */
  all: Map<string, string[]>;
}

/** Common to every command, so it is never declared (nor forgotten) per command. */
const HELP_FLAG: FlagSpec = { kind: 'boolean' };

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The declared flag closest to a typo: within two edits, or one the typo is a prefix of. */
export function closestFlag(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = k.startsWith(name) && name.length >= 3 ? 1 : editDistance(name, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.min(2, Math.floor(name.length / 3))) ? best : undefined;
}

const HOST_PORT = /^(?:\[[0-9A-Fa-f:.]+\]|[^\s:[\]/]+):(\d{1,5})$/;

/** Why `value` is not acceptable for the flag, or null when it is. */
function valueProblem(spec: FlagSpec, value: string): string | null {
  switch (spec.kind) {
    case 'boolean':
      return 'takes no value';
    case 'string':
      return value === '' ? 'must not be empty' : null;
    case 'enum':
      return spec.values.includes(value) ? null : `must be one of ${spec.values.join(', ')}`;
    case 'enumList': {
      const bad = value.split(',').filter((v) => !spec.values.includes(v.trim()));
      return bad.length === 0 ? null : `must be a comma-separated list of ${spec.values.join(', ')}`;
    }
    case 'integer':
    case 'number': {
      const n = value.trim() === '' ? NaN : Number(value);
      const integer = spec.kind === 'integer';
      const range =
        spec.min !== undefined && spec.max !== undefined
          ? ` from ${spec.min} to ${spec.max}`
          : spec.min !== undefined
            ? ` >= ${spec.min}`
            : spec.max !== undefined
              ? ` <= ${spec.max}`
              : '';
      const what = `must be ${integer ? 'an integer' : 'a number'}${range}`;
      if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) return what;
      if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) return what;
      return null;
    }
    case 'url': {
      try {
        const url = new URL(value);
        return url.protocol === 'http:' || url.protocol === 'https:' ? null : 'must be an http:// or https:// URL';
      } catch {
        return 'must be an http:// or https:// URL';
      }
    }
    case 'hostPort': {
      if (spec.alsoAllowed?.includes(value)) return null;
      const m = HOST_PORT.exec(value);
      const ok = m !== null && Number(m[1]) <= 65535;
      return ok ? null : `must be HOST:PORT${spec.alsoAllowed?.length ? ` or ${spec.alsoAllowed.join(', ')}` : ''}`;
    }
  }
}

/**
 * Parses argv against a command's flag table: `--name value`, `--name=value`, boolean `--flag`,
 * `-h`, positionals, and `--` (everything after it is positional). Throws a WardenError
 * (WARDEN_CLI_*) naming the flag for an unknown flag, a missing value or a value of the wrong kind.
 * `--help`/`-h` anywhere wins: the command prints its help even when other flags are wrong.
 */
export function parseArgs(argv: readonly string[], spec: CommandSpec): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  const all = new Map<string, string[]>();
  const end = argv.indexOf('--');
  const head = end < 0 ? argv : argv.slice(0, end);
  if (head.includes('--help') || head.includes('-h')) {
    flags.set('help', true);
    return { positionals, flags, all };
  }
  const known = Object.keys(spec.flags);
  const set = (name: string, value: string | true): void => {
    flags.set(name, value);
    if (value !== true) all.set(name, [...(all.get(name) ?? []), value]);
  };
  for (let i = 0; i < head.length; i++) {
    const arg = head[i];
    if (arg === '-' || !arg.startsWith('-') || /^-\d/.test(arg)) {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) throw cliUnknownFlag(spec.name, arg, undefined);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const flag = name === 'help' ? HELP_FLAG : spec.flags[name];
    if (flag === undefined) throw cliUnknownFlag(spec.name, `--${name}`, closestFlag(name, known));
    if (flags.has(name) && flag.repeatable !== true) throw cliBadFlagValue(spec.name, name, 'given more than once', eq < 0 ? String(flags.get(name)) : arg.slice(eq + 1));
    if (flag.kind === 'boolean') {
      if (eq >= 0) throw cliBadFlagValue(spec.name, name, 'takes no value', arg.slice(eq + 1));
      set(name, true);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < head.length && !head[i + 1].startsWith('--')) value = head[++i];
    if (value === undefined) {
      if (flag.optionalValue === true) {
        set(name, true);
        continue;
      }
      throw cliMissingFlagValue(spec.name, name);
    }
    const problem = valueProblem(flag, value);
    if (problem !== null) throw cliBadFlagValue(spec.name, name, problem, value);
    set(name, value);
  }
  if (end >= 0) positionals.push(...argv.slice(end + 1));
  if (spec.maxPositionals !== undefined && positionals.length > spec.maxPositionals) {
    throw cliUnexpectedArgument(spec.name, positionals[spec.maxPositionals]);
  }
  return { positionals, flags, all };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** A numeric flag already validated by its table entry, or the fallback when absent. */
export function numberFlag(args: ParsedArgs, name: string, fallback: number): number {
  const v = stringFlag(args, name);
  return v === undefined ? fallback : Number(v);
}

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const processIo: CliIo = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
};
