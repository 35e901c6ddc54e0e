import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

async function run(argv: string[]) {
  const c = capture();
  const code = await main(argv, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

/** Every command and subcommand, as typed. */
const COMMANDS: string[][] = [
  ['serve'],
  ['config', 'check'],
  ['rules', 'check'],
  ['rules', 'import'],
  ['rules', 'test'],
  ['rules', 'tune'],
  ['schema', 'check'],
  ['eval'],
  ['train'],
  ['train', '--from-logs', 'logs'],
  ['label'],
  ['replay'],
  ['promote'],
  ['rollback'],
  ['bench'],
  ['incident'],
  ['keys'],
  ['alerts', 'test'],
];

describe('every command', () => {
  it.each(COMMANDS.map((c) => [c.join(' '), c]))('%s refuses an unknown flag with exit code 2, naming it', async (_name, command) => {
    const { code, err, out } = await run([...command, 'x', '--no-such-flag']);
    expect(code).toBe(2);
    expect(err).toContain('unknown flag --no-such-flag');
    expect(out).toBe('');
  });

  it.each(COMMANDS.map((c) => [c.join(' '), c]))('%s has its own --help, exit code 0', async (_name, command) => {
    const { code, out } = await run([...command, '--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/Usage: /);
  });

  it('prints different help for each rules subcommand, and real help for bench', async () => {
    const helps = await Promise.all([['check'], ['import'], ['test']].map(async (s) => (await run(['rules', ...s, '--help'])).out));
    expect(new Set(helps).size).toBe(3);
    expect(helps[1]).toMatch(/^Usage: warden rules import/);
    const bench = (await run(['bench', '--help'])).out;
    expect(bench).toMatch(/^Usage: warden bench/);
    expect(bench).not.toContain('/**');
  });

  it('are all listed by warden --help', async () => {
    const { out } = await run(['--help']);
    for (const c of ['serve', 'config check', 'rules check', 'rules import', 'rules test', 'rules tune', 'schema check', 'eval', 'train', 'label', 'replay', 'promote', 'rollback', 'bench', 'incident', 'alerts test']) {
      expect(out).toMatch(new RegExp(`^  ${c}\\s`, 'm'));
    }
  });
});

describe('bad flag values', () => {
  it('serve --mode detct names the flag, not the config file or the defaults', async () => {
    const { code, err } = await run(['serve', '--mode', 'detct']);
    expect(code).toBe(2);
    expect(err).toBe('warden serve: --mode: must be one of prevent, detect (got "detct")');
    expect(err).not.toMatch(/defaults|warden\.yaml/);
  });

  it('serve --upsteam (a typo) does not start, and suggests --upstream', async () => {
    const { code, err } = await run(['serve', '--upsteam', 'http://127.0.0.1:9']);
    expect(code).toBe(2);
    expect(err).toContain('unknown flag --upsteam (did you mean --upstream?)');
  });

  it.each([
    [['serve', '--workers', '0'], '--workers: must be an integer from 1 to 256'],
    [['serve', '--listen', 'nowhere'], '--listen: must be HOST:PORT'],
    [['serve', '--upstream', '127.0.0.1:8080'], '--upstream: must be an http:// or https:// URL'],
    [['eval', '--corpus', 'x.ndjson', '--errors', 'some'], '--errors: must be an integer >= 0'],
    [['eval', '--corpus', 'x.ndjson', '--target', 'http://127.0.0.1:9', '--blocked', '403,abc'], '--blocked: must be a comma-separated list of HTTP statuses'],
    [['rules', 'check', 'x.rules', '--flavour', 'snort4'], '--flavour: must be one of snort2, snort3, suricata'],
    [['promote', 'models/c', '--margin', '200'], '--margin: must be a number from 0 to 100'],
    [['replay', 'logs', '--model', 'm', '--examples', 'x'], '--examples: must be an integer >= 0'],
    [['label', 'id', '--benign', '--max-per-source', '-1'], '--max-per-source: must be an integer >= 0'],
    [['train', '--data', 'x', '--epochs', 'many'], '--epochs: must be an integer >= 1'],
    [['bench', '--loadgen', 'ab'], '--loadgen: must be one of autocannon, wrk'],
    [['incident', 'a', 'b'], 'unexpected argument "b"'],
  ])('%j is refused: %s', async (argv, message) => {
    const { code, err } = await run(argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it('an unknown command or subcommand is a usage error too', async () => {
    expect((await run(['lable'])).code).toBe(2);
    expect((await run(['rules', 'lint', 'x'])).err).toContain('unknown subcommand "lint"');
    expect((await run(['config', 'show', 'x'])).code).toBe(2);
  });
});
