import type { TargetCollector } from '../target-collector.js';
import { isZip, zipEntries } from './zip-entries.js';
import { uudecode } from './uuencoded.js';

/**
 * A zip archive sent as a body or an upload: each entry's name becomes a `filename` target marked
 * `unescaped: 'archive'` — inside a deflated archive's bytes no rule sees it, so the signature gate shows
 * it to the body's rules as a decoded form, and the payload model scores it like an upload's file name
 * (`../../../../etc/cron.d/x`, `../webapps/ROOT/s.jsp`: Zip Slip). The entries' contents stay opaque: an
 * archive carries files — scripts, manifests, source — whose syntax is no evidence (measured: jars, wheels
 * and zips from this machine, 23 of 90 blocked when their text entries were fields). A uuencoded zip
 * (`begin 644 x.zip`, what Oracle EBS's Web ADI uploader decodes and unzips: CVE-2022-21587) is decoded
 * first (uuencoded.ts). Returns false when `bytes` is neither.
 */
export function addArchiveEntryTargets(bytes: Buffer, name: string, collector: TargetCollector): boolean {
  let archive: Buffer | null = bytes;
  if (!isZip(archive)) {
    archive = uudecode(bytes);
    if (archive === null || !isZip(archive)) return false;
  }
  const entries = zipEntries(archive);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    collector.add('body', `${name}[zip:${i}]`, 'filename', entry.name, false, true, 'archive');
  }
  return true;
}
