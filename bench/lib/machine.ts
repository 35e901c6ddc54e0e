import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { nginxBinary } from './nginx.js';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  nginx: string;
  autocannon: string;
  /** 1-minute load average when the bench started: anything well above 0 means a shared machine. */
  loadAverageAtStart: number;
}

function nginxVersion(): string {
  const bin = nginxBinary();
  if (bin === null) return 'not installed';
  // nginx prints its version on stderr.
  const run = spawnSync(bin, ['-v'], { encoding: 'utf8', timeout: 5000 });
  return `${run.stderr ?? ''}${run.stdout ?? ''}`.trim() || 'unknown';
}

function packageVersion(name: string): string {
  try {
    const url = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (pretty) return `${pretty[1]} (${platform()} ${release()} ${arch()})`;
  } catch {
    // not Linux
  }
  return `${platform()} ${release()} ${arch()}`;
}

export function describeMachine(): MachineInfo {
  const cpuList = cpus();
  return {
    cpu: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    node: process.version,
    nginx: nginxVersion().replace(/^nginx version:\s*/, ''),
    autocannon: packageVersion('autocannon'),
    loadAverageAtStart: Math.round(loadavg()[0] * 100) / 100,
  };
}

/** One line for the table header and the chart. */
export function machineLine(m: MachineInfo): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, nginx ${m.nginx}`;
}
