import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { processGroupCpuMs } from '../../bench/lib/process-cpu.js';

describe.skipIf(!existsSync('/proc/self/stat'))('processGroupCpuMs', () => {
  it("counts the CPU time of a server's whole process group, children included; a group with no process counts 0", async () => {
    // A group leader that burns 300 ms of its own CPU time and starts a child that burns 300 ms more.
    const burn = 'const t = process.cpuUsage(); while (process.cpuUsage(t).user < 300000) {}';
    const script = `${burn}; const c = require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(`${burn}; console.log('child done'); setInterval(() => {}, 1000)`)}], { stdio: ['ignore', 'inherit', 'inherit'] }); setInterval(() => {}, 1000);`;
    const leader = spawn(process.execPath, ['-e', script], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let out = '';
      leader.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
      // Bounded: a 5x slower machine still gets there well within the test timeout.
      for (let i = 0; i < 300 && !out.includes('child done'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(out).toContain('child done');
      const cpu = processGroupCpuMs(leader.pid!);
      expect(cpu).not.toBeNull();
      // Both burns (600 ms) plus start-up; USER_HZ ticks round each process down by up to 10 ms.
      expect(cpu!).toBeGreaterThanOrEqual(580);
      expect(cpu!).toBeLessThan(30_000);
      expect(processGroupCpuMs(2 ** 22 + 12345)).toBe(0);
    } finally {
      process.kill(-leader.pid!, 'SIGKILL');
      await once(leader, 'exit');
    }
  }, 60_000);
});
