import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { incidentNotFound } from '../../src/cli/errors.js';
import { startNginx, type NginxUpstream } from '../helpers/nginx.js';
import { startTestWarden } from '../helpers/warden.js';

let nginx: NginxUpstream;
let warden: Awaited<ReturnType<typeof startTestWarden>>;

beforeAll(async () => {
  nginx = await startNginx();
  warden = await startTestWarden(nginx.origin);
});

afterAll(async () => {
  await warden?.close();
  await nginx?.stop();
});

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Blocks one request through the real proxy; returns the incident id the client saw, once its line is on disk. */
async function blockedIncident(): Promise<string> {
  const res = await request(`${warden.origin}/search?q=1%27%20UNION%20SELECT%20password%20FROM%20users--`);
  expect(res.statusCode).toBe(403);
  await res.body.text();
  const id = res.headers['x-warden-incident'] as string;
  const deadline = Date.now() + 5_000;
  while (!readFileSync(warden.logFile, 'utf8').includes(id)) {
    if (Date.now() > deadline) throw new Error(`incident ${id} never reached ${warden.logFile}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return id;
}

describe('warden incident <id>', () => {
  it('prints the action, confidence, arithmetic, reasons and timings of a blocked request', async () => {
    const id = await blockedIncident();
    const { code, out } = await run(['incident', id, '--log', warden.logFile]);
    expect(code).toBe(0);
    expect(out).toContain(`incident ${id} at `);
    expect(out).toMatch(/action\s+block \(status 403, mode prevent\)/);
    expect(out).toMatch(/confidence\s+(high|critical), score \d/);
    expect(out).toMatch(/request\s+GET \S+ \/search/);
    expect(out).toMatch(/reputation\s+-?[\d.]+ → exponent/);
    expect(out).toMatch(/threshold\s+[\d.]+ \(minimum confidence high/);
    expect(out).toMatch(/signatures\s+1:\d+ score [\d.]+ in query 'q'/);
    expect(out).toMatch(/signatures\s+1:\d+ score [\d.]+ in query 'q': .* \(weight from priority 1\)/); // where the rule's weight came from
    expect(out).toMatch(/timings\s+.*signatures \d+ µs.*total \d+ µs/);
  });

  it('finds the id in any case, and --json prints the raw log line', async () => {
    const id = await blockedIncident();
    const { code, out } = await run(['incident', id.toUpperCase(), '--log', warden.logFile, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ event: 'verdict', incidentId: id, action: 'block' });
  });

  it('reads logging.decisions of --config when --log is not given', async () => {
    const id = await blockedIncident();
    const config = join(dirname(warden.logFile), 'warden.yaml');
    writeFileSync(config, `logging:\n  decisions: ${JSON.stringify(warden.logFile)}\n`);
    const { code, out } = await run(['incident', id, '--config', config]);
    expect(code).toBe(0);
    expect(out).toContain(`incident ${id}`);
  });

  it('exits 1 with a precise message for an id that is not in the log', async () => {
    const { code, err } = await run(['incident', '01zzzzzzzzzzzzzzzz', '--log', warden.logFile]);
    expect(code).toBe(1);
    expect(err).toContain(incidentNotFound.code);
    expect(err).toMatch(/incident 01zzzzzzzzzzzzzzzz is not in .*decisions\.log \(\d+ lines read\)/);
    expect((await run(['incident', 'not-an-id', '--log', warden.logFile])).err).toContain('is not an incident id');
  });

  it('says where to look when the log cannot be read or goes to stdout', async () => {
    const missing = await run(['incident', '01zzzzzzzzzzzzzzzz', '--log', join(dirname(warden.logFile), 'nope.log')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('WARDEN_CLI_INCIDENT_LOG_UNREADABLE');
    const config = join(dirname(warden.logFile), 'stdout.yaml');
    writeFileSync(config, 'logging:\n  decisions: stdout\n');
    const stdout = await run(['incident', '01zzzzzzzzzzzzzzzz', '--config', config]);
    expect(stdout.code).toBe(2);
    expect(stdout.err).toContain('pass --log FILE');
  });
});
