import { defineError } from '../errors.js';

/**
 * Usage errors of the command line: the operator typed something the command does not take. They are
 * printed without a stack trace and end the command with exit code 2 (see main.ts).
 */
export const cliUnknownFlag = defineError(
  'WARDEN_CLI_UNKNOWN_FLAG',
  400,
  (command: string, flag: string, suggestion: string | undefined) =>
    `unknown flag ${flag}${suggestion === undefined ? '' : ` (did you mean --${suggestion}?)`}; see 'warden ${command} --help'`,
);

export const cliBadFlagValue = defineError(
  'WARDEN_CLI_BAD_FLAG_VALUE',
  400,
  (_command: string, flag: string, problem: string, value: string) => `--${flag}: ${problem} (got ${JSON.stringify(value)})`,
);

export const cliMissingFlagValue = defineError('WARDEN_CLI_MISSING_FLAG_VALUE', 400, (_command: string, flag: string) => `--${flag}: needs a value`);

export const cliUnexpectedArgument = defineError(
  'WARDEN_CLI_UNEXPECTED_ARGUMENT',
  400,
  (command: string, arg: string) => `unexpected argument ${JSON.stringify(arg)}; see 'warden ${command} --help'`,
);

export const cliUsage = defineError('WARDEN_CLI_USAGE', 400, (command: string, problem: string) => `${problem}; see 'warden ${command} --help'`);

export const incidentNotFound = defineError(
  'WARDEN_CLI_INCIDENT_NOT_FOUND',
  404,
  (id: string, file: string, lines: number) => `incident ${id} is not in ${file} (${lines} lines read)`,
);

/** `warden eval` read no valid record: a table of zeros and exit 0 would read as a run that passed. */
export const evalNoRecords = defineError('WARDEN_CLI_EVAL_NO_RECORDS', 400, (corpora: string) => `no valid request record in ${corpora} (NDJSON, one record per line: datasets/README.md, "Record format")`);

export const incidentLogUnreadable = defineError('WARDEN_CLI_INCIDENT_LOG_UNREADABLE', 400, (file: string, reason: string) => `cannot read the decision log ${file}: ${reason}`);

/** Codes whose errors are the operator's typing, answered with exit code 2. */
export const USAGE_ERROR_CODES: ReadonlySet<string> = new Set([cliUnknownFlag.code, cliBadFlagValue.code, cliMissingFlagValue.code, cliUnexpectedArgument.code, cliUsage.code]);
