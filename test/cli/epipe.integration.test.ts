import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const entry = join(__dirname, '..', 'helpers', 'cli-entry.ts');

describe('warden ... | head -1', () => {
  it('ends quietly when the reader closes the pipe (EPIPE): no stack trace, exit code 0', async () => {
    // Far more output than a pipe buffers (~1 MB of JSON lines), so the writes after the reader left fail for sure.
    const dir = mkdtempSync(join(tmpdir(), 'warden-epipe-'));
    const rules = Array.from({ length: 6000 }, (_, i) => `alert http any any -> any any (msg:"rule ${i}"; content:"/p${i}"; http_uri; sid:${1_000_000 + i}; rev:1;)`);
    writeFileSync(join(dir, 'many.rules'), `${rules.join('\n')}\n`);
    const child = spawn(process.execPath, ['--import', 'tsx', entry, 'rules', 'check', dir, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let firstLine = '';
    child.stdout.once('data', (d: Buffer) => {
      firstLine = d.toString().split('\n')[0];
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(JSON.parse(firstLine)).toMatchObject({ sid: 1_000_000 });
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(code).toBe(0);
  }, 30_000);
});
