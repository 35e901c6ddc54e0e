export interface SimplifiedPath {
  path: string;
  /** True when `..` tried to climb above the root (a traversal attempt, never a legitimate link). */
  aboveRoot: boolean;
}

/**
 * RFC 3986 dot-segment removal plus `//` collapsing, as Snort's `simplify_path` and most servers do.
 * Works on any string (latin1 bytes or text). Paths with nothing to simplify are returned as-is.
 */
export function removeDotSegments(path: string): SimplifiedPath {
  if (path.indexOf('/.') < 0 && path.indexOf('//') < 0 && !path.startsWith('.')) return { path, aboveRoot: false };
  const absolute = path.charCodeAt(0) === 0x2f;
  const parts = path.split('/');
  const kept: string[] = [];
  let aboveRoot = false;
  let trailingSlash = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const last = i === parts.length - 1;
    if (part === '' || part === '.') {
      trailingSlash = last && i > 0;
      continue;
    }
    if (part === '..') {
      if (kept.length === 0) aboveRoot = true;
      else kept.pop();
      trailingSlash = last;
      continue;
    }
    kept.push(part);
    trailingSlash = false;
  }
  let out = (absolute ? '/' : '') + kept.join('/');
  if (trailingSlash && kept.length > 0) out += '/';
  return { path: out, aboveRoot };
}
