/**
 * The route table: one trie of path segments per document. Static segments are tried before
 * segments mixing text and templates (`{name}.{ext}`), and those before a whole-segment template,
 * which is the precedence OpenAPI asks for (`/pets/mine` wins over `/pets/{id}`). A lookup costs one
 * map probe per segment, however many operations the document declares; mixed segments compile to
 * a regex that runs only at their own node.
 */

export interface TemplateSegment {
  /** Literal text, or null for a segment with template expressions. */
  literal: string | null;
  /** Parameter names in the segment, in order. */
  params: string[];
  /** For mixed segments: the regex matching the whole segment, one capture per parameter. */
  pattern: RegExp | null;
  /** The segment as written, for de-duplicating nodes. */
  source: string;
}

class RouteNode<T> {
  statics: Map<string, RouteNode<T>> | null = null;
  mixed: { source: string; pattern: RegExp; node: RouteNode<T> }[] | null = null;
  param: RouteNode<T> | null = null;
  leaf: T | null = null;
}

export interface RouteMatch<T> {
  leaf: T;
  /** Raw (still percent-encoded) values of the template expressions, in template order. */
  values: string[];
}

const TEMPLATE_EXPRESSION = /\{([^{}]+)\}/g;

/** Splits `/users/{id}/files/{name}.{ext}` into template segments; empty segments are dropped. */
export function parseTemplate(template: string): TemplateSegment[] {
  const out: TemplateSegment[] = [];
  for (const source of template.split('/')) {
    if (source === '') continue;
    if (!source.includes('{')) {
      out.push({ literal: source, params: [], pattern: null, source });
      continue;
    }
    const params: string[] = [];
    let regex = '';
    let last = 0;
    for (const m of source.matchAll(TEMPLATE_EXPRESSION)) {
      regex += escapeRegex(source.slice(last, m.index)) + '(.+?)';
      params.push(m[1]);
      last = (m.index ?? 0) + m[0].length;
    }
    regex += escapeRegex(source.slice(last));
    const whole = params.length === 1 && source === `{${params[0]}}`;
    out.push({ literal: null, params, pattern: whole ? null : new RegExp(`^${regex}$`), source });
  }
  return out;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class RouteTrie<T> {
  private readonly root = new RouteNode<T>();

  /** Returns the leaf for `segments`, creating it with `create` the first time. */
  leafFor(segments: readonly TemplateSegment[], create: () => T): T {
    let node = this.root;
    for (const seg of segments) {
      if (seg.literal !== null) {
        node.statics ??= new Map();
        let next = node.statics.get(seg.literal);
        if (next === undefined) node.statics.set(seg.literal, (next = new RouteNode<T>()));
        node = next;
      } else if (seg.pattern === null) {
        node = node.param ??= new RouteNode<T>();
      } else {
        node.mixed ??= [];
        let entry = node.mixed.find((m) => m.source.replace(TEMPLATE_EXPRESSION, '{}') === seg.source.replace(TEMPLATE_EXPRESSION, '{}'));
        if (entry === undefined) node.mixed.push((entry = { source: seg.source, pattern: seg.pattern, node: new RouteNode<T>() }));
        node = entry.node;
      }
    }
    node.leaf ??= create();
    return node.leaf;
  }

  /** `decoded[i]` routes static segments; `raw[i]` is what template values are taken from. */
  match(decoded: readonly string[], raw: readonly string[]): RouteMatch<T> | null {
    const values: string[] = [];
    const leaf = matchFrom(this.root, decoded, raw, 0, values);
    return leaf === null ? null : { leaf, values };
  }
}

function matchFrom<T>(node: RouteNode<T>, decoded: readonly string[], raw: readonly string[], i: number, values: string[]): T | null {
  if (i === decoded.length) return node.leaf;
  const stat = node.statics?.get(decoded[i]);
  if (stat !== undefined) {
    const found = matchFrom(stat, decoded, raw, i + 1, values);
    if (found !== null) return found;
  }
  if (node.mixed !== null) {
    for (const m of node.mixed) {
      const groups = m.pattern.exec(raw[i]);
      if (groups === null) continue;
      const mark = values.length;
      for (let g = 1; g < groups.length; g++) values.push(groups[g]);
      const found = matchFrom(m.node, decoded, raw, i + 1, values);
      if (found !== null) return found;
      values.length = mark;
    }
  }
  if (node.param !== null) {
    values.push(raw[i]);
    const found = matchFrom(node.param, decoded, raw, i + 1, values);
    if (found !== null) return found;
    values.pop();
  }
  return null;
}
