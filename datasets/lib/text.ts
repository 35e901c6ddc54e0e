/**
 * Real prose and code for text fields, read from the README files (and the markdown under `docs/`) of the
 * installed npm packages
 * (pinned by package-lock, so the same on every clean clone). Packages that only exist on some
 * platforms (`os`/`cpu` in their package.json) are skipped so the corpus does not depend on the
 * machine. Read once, in sorted order, bounded per file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CodeBlock {
  lang: string;
  code: string;
  from: string;
}

export interface TextCorpus {
  /** Paragraphs of README prose (40–700 characters). */
  paragraphs: string[];
  /** Single sentences. */
  sentences: string[];
  /** Headings, usable as titles. */
  headings: string[];
  /** Fenced code blocks with their language tag ('' when none). */
  code: CodeBlock[];
  /** Packages read, and a digest of everything read, for the manifest. */
  packages: string[];
  digest: string;
}

const MAX_FILE = 64 * 1024;
let cached: TextCorpus | undefined;

function packageDirs(root: string): string[] {
  const dirs: string[] = [];
  for (const name of readdirSync(root).sort()) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) {
      for (const sub of readdirSync(join(root, name)).sort()) dirs.push(`${name}/${sub}`);
    } else dirs.push(name);
  }
  return dirs;
}

function platformSpecific(dir: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { os?: unknown; cpu?: unknown };
    return pkg.os !== undefined || pkg.cpu !== undefined;
  } catch {
    return true;
  }
}

function docFiles(dir: string, rel = ''): string[] {
  let names: string[];
  try {
    names = readdirSync(join(dir, rel)).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names) {
    const r = rel ? `${rel}/${n}` : n;
    if (n.endsWith('.md')) out.push(r);
    else if (!n.includes('.') && n !== 'node_modules') out.push(...docFiles(dir, r));
  }
  return out;
}

function cleanInline(s: string): string {
  return s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function parseReadme(text: string, from: string, out: TextCorpus): void {
  const lines = text.slice(0, MAX_FILE).split(/\r?\n/);
  let para: string[] = [];
  const flush = () => {
    const p = cleanInline(para.join(' '));
    para = [];
    if (p.length < 40 || p.length > 700) return;
    if (/^[|\-:\s]+$/.test(p) || (p.match(/\|/g)?.length ?? 0) > 3) return;
    if ((p.match(/[A-Za-z]/g)?.length ?? 0) < p.length * 0.6 || /https?:\/\/\S+\s+https?:\/\//.test(p)) return;
    out.paragraphs.push(p);
    for (const s of p.split(/(?<=[.!?])\s+(?=[A-Z`])/)) if (s.length >= 25 && s.length <= 300) out.sentences.push(s);
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^\s*(```|~~~)\s*([\w+-]*)/.exec(line);
    if (fence) {
      flush();
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trimStart().startsWith(fence[1])) body.push(lines[i++]);
      const code = body.join('\n').trim();
      if (code.length >= 10 && code.length <= 1500) out.code.push({ lang: fence[2].toLowerCase(), code, from });
      continue;
    }
    const heading = /^#{1,4}\s+(.+)$/.exec(line);
    if (heading) {
      flush();
      const h = cleanInline(heading[1]);
      if (h.length >= 3 && h.length <= 80) out.headings.push(h);
      continue;
    }
    if (line.trim() === '' || /^\s*([-*+]|\d+\.)\s/.test(line) || line.startsWith('>') || line.startsWith('    ')) {
      flush();
      if (/^\s*([-*+]|\d+\.)\s/.test(line)) para.push(line.replace(/^\s*([-*+]|\d+\.)\s/, ''));
      if (/^\s*([-*+]|\d+\.)\s/.test(line)) flush();
      continue;
    }
    para.push(line);
  }
  flush();
}

/** Loads (once) the README corpus of `node_modules` under `root`. */
export function loadTextCorpus(root = process.cwd()): TextCorpus {
  if (cached) return cached;
  const corpus: TextCorpus = { paragraphs: [], sentences: [], headings: [], code: [], packages: [], digest: '' };
  const hash = createHash('sha256');
  const nm = join(root, 'node_modules');
  if (existsSync(nm)) {
    for (const pkg of packageDirs(nm)) {
      const dir = join(nm, pkg);
      let readme: string | undefined;
      try {
        readme = readdirSync(dir).filter((f) => /^readme(\.md|\.markdown)?$/i.test(f)).sort()[0];
      } catch {
        continue;
      }
      if (!readme || platformSpecific(dir)) continue;
      corpus.packages.push(pkg);
      for (const file of [readme, ...docFiles(dir, 'docs')]) {
        const text = readFileSync(join(dir, file), 'utf8').slice(0, MAX_FILE);
        hash.update(`${pkg}/${file}\0${text}\0`);
        parseReadme(text, pkg, corpus);
      }
    }
  }
  if (corpus.paragraphs.length === 0) {
    // Without node_modules (should not happen: the generators run under tsx) keep a tiny fallback.
    corpus.paragraphs.push('Install the package with npm and import it from your module; the default export is a function.');
    corpus.sentences.push('Install the package with npm and import it from your module.');
    corpus.headings.push('Getting started');
    corpus.code.push({ lang: 'sh', code: 'npm install --save-dev typescript', from: 'fallback' });
  }
  corpus.digest = hash.digest('hex');
  cached = corpus;
  return corpus;
}
