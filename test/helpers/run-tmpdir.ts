import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * vitest globalSetup: the run's temporary files under one folder, removed when the run ends. Tests
 * make folders with mkdtemp (rule files, configs, logs, model stores, NGINX prefixes) and many keep
 * them for the spawned processes to read until the end; a run left ~3,000 of them in /tmp. TMPDIR is
 * set before the test processes are forked, so os.tmpdir() in them, and in what they spawn, is this folder.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'warden-vitest-'));
  // Open like /tmp itself (mkdtemp makes it 0700): NGINX's workers run as another user and read the
  // files tests write for them under it (a 0700 parent answered them 403).
  chmodSync(root, 0o1777);
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
