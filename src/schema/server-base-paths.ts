import type { SpecLocation } from './errors.js';
import { appendPointer, isJsonObject } from './json-pointer.js';
import type { SpecNote } from './schema-bundle.js';

const MAX_EXPANSIONS = 32;

/**
 * Base paths a `servers` list puts in front of every path: `https://api.example.com/v1` and `/v1`
 * both mean `/v1`; server variables expand to each `enum` value (or the default). No `servers`
 * means `/`.
 */
export function serverBasePaths(servers: unknown, loc: SpecLocation, notes: SpecNote[]): string[] {
  if (!Array.isArray(servers) || servers.length === 0) return [''];
  const out = new Set<string>();
  servers.forEach((server, i) => {
    const at = { file: loc.file, pointer: appendPointer(loc.pointer, i) };
    if (!isJsonObject(server) || typeof server.url !== 'string') {
      notes.push({ loc: at, message: 'server without a url is ignored' });
      return;
    }
    for (const url of expandVariables(server.url, server.variables)) {
      const base = basePathOf(url);
      if (base.includes('{')) notes.push({ loc: at, message: `server url ${url} has an undefined variable; used literally` });
      out.add(base);
    }
  });
  return out.size === 0 ? [''] : [...out];
}

function expandVariables(url: string, variables: unknown): string[] {
  let urls = [url];
  if (!isJsonObject(variables)) return urls;
  for (const [name, def] of Object.entries(variables)) {
    if (!isJsonObject(def)) continue;
    const values = Array.isArray(def.enum) && def.enum.length > 0 ? def.enum.map(String) : [String(def.default ?? '')];
    const next: string[] = [];
    for (const u of urls) {
      if (!u.includes(`{${name}}`)) {
        next.push(u);
        continue;
      }
      for (const v of values) if (next.length < MAX_EXPANSIONS) next.push(u.split(`{${name}}`).join(v));
    }
    urls = next;
  }
  return urls;
}

function basePathOf(url: string): string {
  let path = url;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(url);
  if (scheme !== null) path = url.slice(scheme[0].length);
  else if (url.startsWith('//')) {
    const slash = url.indexOf('/', 2);
    path = slash === -1 ? '' : url.slice(slash);
  }
  path = path.split(/[?#]/)[0];
  if (!path.startsWith('/')) path = `/${path}`;
  while (path.endsWith('/')) path = path.slice(0, -1);
  return path;
}
