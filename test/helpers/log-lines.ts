import { existsSync, readFileSync } from 'node:fs';

export type LogLine = Record<string, unknown>;

/**
 * Every JSON line pino has flushed to `file` so far (none when the file is not created yet). Only
 * complete lines: a line pino is still writing has no newline yet, and parsing its first half threw
 * `Unexpected end of JSON input` while the poll below would have read it whole 25 ms later.
 */
export function readLogLines(file: string): LogLine[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  return text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as LogLine);
}

/**
 * The first line that fits, polling: pino writes asynchronously, so a line for a request whose answer
 * has arrived may still be on its way to the file, longer on a loaded machine.
 */
export async function waitForLogLine(file: string, fits: (l: LogLine) => boolean, ms = 10_000): Promise<LogLine> {
  const deadline = Date.now() + ms;
  for (;;) {
    const line = readLogLines(file).find(fits);
    if (line !== undefined) return line;
    if (Date.now() > deadline) throw new Error(`no log line fits in ${file} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
