import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ: 100 on every Linux the bench targets). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) used so far by every live process of process group `group`: a server
 * the bench started (each child leads its own group, see child-processes.ts), NGINX's master and
 * worker included. Null where /proc is not there (not Linux). Read between timed runs, never during.
 *
 * Why: on a machine shared with other work, req/s measures how much of a core a server got as much
 * as what a request costs it. CPU time per request measures the cost alone, so the ratio of two
 * servers' CPU per request is what their req/s ratio would be, each on a core of its own.
 */
export function processGroupCpuMs(group: number): number | null {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return null;
  }
  let ticks = 0;
  for (const name of names) {
    if (name.charCodeAt(0) < 48 || name.charCodeAt(0) > 57) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'latin1');
    } catch {
      continue; // exited meanwhile
    }
    // pid (comm) state ppid pgrp ... : comm may hold spaces and parentheses, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== group) continue;
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
