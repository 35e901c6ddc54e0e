import { describe, expect, it } from 'vitest';
import { closestFlag, parseArgs, type CommandSpec } from '../../src/cli/args.js';
import { cliBadFlagValue, cliMissingFlagValue, cliUnexpectedArgument, cliUnknownFlag } from '../../src/cli/errors.js';

const SPEC: CommandSpec = {
  name: 'demo',
  maxPositionals: 2,
  flags: {
    upstream: { kind: 'url' },
    mode: { kind: 'enum', values: ['prevent', 'detect'] },
    workers: { kind: 'integer', min: 1, max: 256 },
    tolerance: { kind: 'number', min: -1, max: 1 },
    admin: { kind: 'hostPort', alsoAllowed: ['off'] },
    corpus: { kind: 'string', repeatable: true },
    errors: { kind: 'integer', min: 0, optionalValue: true },
    json: { kind: 'boolean' },
  },
};

function thrown(argv: string[]): { code: string; message: string } {
  try {
    parseArgs(argv, SPEC);
  } catch (err) {
    return err as { code: string; message: string };
  }
  throw new Error(`parseArgs(${argv.join(' ')}) did not throw`);
}

describe('parseArgs against a command table', () => {
  it('reads --name value, --name=value, booleans, positionals and everything after --', () => {
    const a = parseArgs(['in.txt', '--upstream', 'http://127.0.0.1:8080', '--mode=detect', '--json', '--', '--not-a-flag'], SPEC);
    expect(a.positionals).toEqual(['in.txt', '--not-a-flag']);
    expect(a.flags.get('upstream')).toBe('http://127.0.0.1:8080');
    expect(a.flags.get('mode')).toBe('detect');
    expect(a.flags.get('json')).toBe(true);
  });

  it('refuses an unknown flag and suggests the declared one it is a typo of', () => {
    const err = thrown(['--upsteam', 'http://x']);
    expect(err.code).toBe(cliUnknownFlag.code);
    expect(err.message).toContain('unknown flag --upsteam (did you mean --upstream?)');
    expect(thrown(['--zzzzzz']).message).not.toContain('did you mean');
    expect(thrown(['-x']).code).toBe(cliUnknownFlag.code);
  });

  it('refuses a value outside an enum, naming the flag, the allowed values and what was given', () => {
    const err = thrown(['--mode', 'detct']);
    expect(err.code).toBe(cliBadFlagValue.code);
    expect(err.message).toBe('--mode: must be one of prevent, detect (got "detct")');
  });

  it('checks integers, numbers, URLs and HOST:PORT', () => {
    expect(thrown(['--workers', '0']).message).toBe('--workers: must be an integer from 1 to 256 (got "0")');
    expect(thrown(['--workers', '2.5']).code).toBe(cliBadFlagValue.code);
    expect(thrown(['--tolerance', 'abc']).code).toBe(cliBadFlagValue.code);
    expect(parseArgs(['--tolerance', '-0.5'], SPEC).flags.get('tolerance')).toBe('-0.5');
    expect(thrown(['--upstream', 'ftp://x']).message).toContain('--upstream: must be an http:// or https:// URL');
    expect(thrown(['--admin', 'localhost']).message).toContain('--admin: must be HOST:PORT or off');
    expect(parseArgs(['--admin', '[::1]:8001'], SPEC).flags.get('admin')).toBe('[::1]:8001');
    expect(parseArgs(['--admin', 'off'], SPEC).flags.get('admin')).toBe('off');
  });

  it('refuses a value flag with no value, a value on a boolean, and a flag given twice', () => {
    expect(thrown(['--mode']).code).toBe(cliMissingFlagValue.code);
    expect(thrown(['--mode', '--json']).code).toBe(cliMissingFlagValue.code);
    expect(thrown(['--json=yes']).message).toContain('--json: takes no value');
    expect(thrown(['--mode', 'detect', '--mode', 'prevent']).message).toContain('given more than once');
  });

  it('keeps every value of a repeatable flag and lets an optional value be left out', () => {
    const a = parseArgs(['--corpus', 'a', '--corpus=b', '--errors'], SPEC);
    expect(a.all.get('corpus')).toEqual(['a', 'b']);
    expect(a.flags.get('errors')).toBe(true);
    expect(parseArgs(['--errors', '5'], SPEC).flags.get('errors')).toBe('5');
    expect(thrown(['--errors', '-1']).code).toBe(cliBadFlagValue.code);
  });

  it('refuses more positionals than the command takes', () => {
    expect(thrown(['a', 'b', 'c']).code).toBe(cliUnexpectedArgument.code);
  });

  it('lets --help win over anything else on the line', () => {
    expect(parseArgs(['--upsteam', 'x', '--help'], SPEC).flags.get('help')).toBe(true);
    expect(parseArgs(['-h'], SPEC).flags.get('help')).toBe(true);
  });

  it('suggests only near misses', () => {
    expect(closestFlag('confg', ['config', 'corpus'])).toBe('config');
    expect(closestFlag('per-req', ['per-request', 'json'])).toBe('per-request');
    expect(closestFlag('verbose', ['config', 'json'])).toBeUndefined();
  });
});
