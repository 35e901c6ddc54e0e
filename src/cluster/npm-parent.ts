/**
 * Stopping a Warden that npm started. `npx warden serve` runs Warden in a shell (`sh -c 'warden' serve …`);
 * npm passes SIGTERM on to that shell, which exits without passing it on, so Warden (and its workers) kept
 * running under init, holding the port, once the process a user or a supervisor stopped was gone. Started
 * by npm (it sets `npm_lifecycle_event` for `npx` and for `npm start`/`npm run`), Warden watches its parent
 * and stops as on SIGTERM when the parent has exited. Not started by npm, nothing is watched: a Warden
 * whose starter exits by design (a daemonising wrapper) keeps running.
 */
export function onNpmParentExit(stop: (why: string) => void, env: NodeJS.ProcessEnv = process.env, everyMs = 500): () => void {
  if (env.npm_lifecycle_event === undefined) return () => undefined;
  const parent = process.ppid;
  const timer = setInterval(() => {
    // process.ppid is read from the kernel each time: an orphan is re-parented to init or a subreaper.
    if (process.ppid === parent) return;
    clearInterval(timer);
    stop(`its parent process ${parent} (npm, or the shell npm ran it in) exited`);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
