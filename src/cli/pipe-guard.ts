/**
 * `warden rules check ... --json | head -1`: once the reader goes away, a write to stdout fails with
 * EPIPE, emitted as an 'error' event that would otherwise crash the process with a stack trace. The
 * output nobody reads is dropped and the command ends quietly, as Unix tools do.
 */
let installed = false;

function isClosedPipe(err: NodeJS.ErrnoException): boolean {
  return err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED' || err.code === 'ECONNRESET';
}

export function exitQuietlyOnClosedPipes(): void {
  if (installed) return;
  installed = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (!isClosedPipe(err)) throw err;
      // The reader has seen what it wanted; nothing more can reach it, stderr included.
      process.exit(process.exitCode ?? 0);
    });
  }
}
