import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRulePack } from '../../../src/signatures/packs/read-rule-pack.js';
import { readTarMembers } from '../../../src/signatures/packs/read-tar.js';
import { readRuleFiles } from '../../../src/signatures/read-rule-files.js';

let dir: string;
const LONG = `${'vendor-pack-with-a-long-folder-name/'.repeat(4)}emerging-web_specific_apps.rules`;

/** Packs made by the system's GNU tar, as a vendor's release script would. */
function pack(name: string, format: 'gnu' | 'pax' | 'ustar', members: string[]): string {
  const archive = join(dir, name);
  execFileSync('tar', [`--format=${format}`, '-czf', archive, '-C', join(dir, 'src'), ...members]);
  return archive;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'warden-pack-'));
  const src = join(dir, 'src');
  mkdirSync(join(src, 'rules'), { recursive: true });
  mkdirSync(join(src, LONG.slice(0, LONG.lastIndexOf('/'))), { recursive: true });
  writeFileSync(join(src, 'rules', 'b.rules'), 'alert http any any -> any any (http.uri; content:"/b"; sid:2;)\n');
  writeFileSync(join(src, 'rules', 'a.rules'), 'alert http (http_uri; content:"/a"; sid:1;)\n');
  writeFileSync(join(src, 'rules', 'classification.config'), 'config classification: x,y,1\n');
  writeFileSync(join(src, 'rules', '._a.rules'), '\0\0binary resource fork');
  writeFileSync(join(src, LONG), 'alert tcp any any -> any 80 (content:"/long"; http_uri; sid:3;)\n');
});

describe('rule packs (.tar.gz)', () => {
  it.each(['gnu', 'pax', 'ustar'] as const)('reads the .rules members of a %s archive, sorted, named under the archive', async (format) => {
    const members = format === 'ustar' ? ['rules'] : ['rules', LONG.split('/')[0]];
    const archive = pack(`p-${format}.tar.gz`, format, members);
    const sources = await readRulePack(archive);
    const expected = [`${archive}/rules/a.rules`, `${archive}/rules/b.rules`];
    if (format !== 'ustar') expected.unshift(`${archive}/${LONG}`);
    expect(sources.map((s) => s.file).sort()).toEqual(expected.sort());
    expect(sources.find((s) => s.file.endsWith('/a.rules'))?.text).toContain('sid:1;');
  });

  it('takes a long name from a ustar prefix', () => {
    // 155-byte prefix + 100-byte name: ustar's own way to store paths up to 255 bytes.
    const archive = pack('p-prefix.tar.gz', 'ustar', [LONG.split('/')[0]]);
    const tar = execFileSync('gzip', ['-dc', archive]);
    expect(readTarMembers(tar, (n) => n.endsWith('.rules')).map((m) => m.name)).toEqual([LONG]);
  });

  it('refuses a file that is not gzip, or a gzip that holds no tar, with the file named', async () => {
    const notGzip = join(dir, 'fake.tar.gz');
    writeFileSync(notGzip, 'alert tcp any any -> any 80 (content:"x"; sid:1;)');
    const notTar = join(dir, 'text.tgz');
    writeFileSync(notTar, gzipSync(Buffer.from('x'.repeat(2048))));
    const { sources, errors } = await readRuleFiles([notGzip, notTar]);
    expect(sources).toEqual([]);
    expect(errors).toMatchObject([
      { file: notGzip, code: 'WARDEN_SIGNATURES_FILE_UNREADABLE' },
      { file: notTar, code: 'WARDEN_SIGNATURES_FILE_UNREADABLE' },
    ]);
    expect(errors[0].message).toContain('not a gzip archive');
    expect(errors[1].message).toContain('bad tar header checksum');
  });
});

describe('rule directories', () => {
  it('walks sub-folders of an unpacked pack (rules/*.rules), in name order, skipping dot folders', async () => {
    const root = join(dir, 'unpacked');
    mkdirSync(join(root, 'rules', 'deep'), { recursive: true });
    mkdirSync(join(root, '.git'), { recursive: true });
    writeFileSync(join(root, 'top.rules'), '');
    writeFileSync(join(root, 'rules', 'b.rules'), '');
    writeFileSync(join(root, 'rules', 'a.rules'), '');
    writeFileSync(join(root, 'rules', 'sid-msg.map'), '');
    writeFileSync(join(root, 'rules', 'deep', 'c.rules'), '');
    writeFileSync(join(root, '.git', 'x.rules'), '');
    const { sources } = await readRuleFiles([root]);
    expect(sources.map((s) => s.file.slice(root.length + 1))).toEqual(['rules/a.rules', 'rules/b.rules', 'rules/deep/c.rules', 'top.rules']);
  });
});
