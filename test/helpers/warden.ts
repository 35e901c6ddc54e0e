import { validateWardenConfig } from '../../src/config/load-config.js';
import { startWarden, type RunningWarden } from '../../src/warden.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Starts a real Warden on 127.0.0.1:<random> in front of `upstream`, logging decisions to a temp file. */
export async function startTestWarden(upstream: string, config: Record<string, unknown> = {}): Promise<RunningWarden & { origin: string; logFile: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'warden-test-'));
  const logFile = join(dir, 'decisions.log');
  const full = validateWardenConfig({
    upstream,
    listen: '127.0.0.1:0',
    admin: { enabled: false },
    logging: { decisions: logFile, level: 'info', ...((config.logging as object) ?? {}) },
    ...Object.fromEntries(Object.entries(config).filter(([k]) => k !== 'logging')),
  });
  const warden = await startWarden(full, { admin: full.admin.enabled });
  return Object.assign(warden, { origin: `http://${warden.address}`, logFile });
}

/** Sends raw bytes and collects the raw response (for what fetch hides: trailers, exact framing). */
export async function rawRequest(port: number, bytes: string | Buffer, waitMs = 2000): Promise<string> {
  const { connect } = await import('node:net');
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.setTimeout(waitMs, () => socket.end());
    socket.write(bytes);
  });
}
