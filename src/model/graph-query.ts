/**
 * A Gremlin traversal sent whole is a query, not an injection (issue 14, session 23: blind benign set 6's
 * `{"gremlin": "g.V().has('account','id',accountId).out('transfer')…"}` to a graph database's HTTP
 * endpoint, 0.90). A graph API takes a whole traversal as its input, as a BI tool's query field takes a
 * whole SQL statement (quoted-code.ts); an injection is a break out of a traversal the application builds
 * (`x').drop().iterate();g.V().has('name','x`: a quote first, a second statement) or Groovy/Java run by a
 * script engine (`g.V().map{ "id".execute() }`, `Runtime.getRuntime().exec(…)`, `System.exit(0)`).
 *
 * A whole traversal (`traversalLiterals(text)` is not null): from its first character `g.` and a source step (`V(`, `E(`, `addV(`,
 * `with…(`), then only steps `.name(args)`; an argument is a literal (a quoted string of words, a name, a
 * path-like id; a number), a binding or enum name (`accountId`, `T.label`, `Order.desc`), a predicate or
 * anonymous traversal (`gt(10000)`, `within('a','b')`, `__.out('x').count()`) of the same grammar. No
 * closure (`{`), no `;`, no `new`, no backslash or `$`, brackets balanced, at most 4,096 characters, and
 * none of the names an exploit calls (`execute`, `exec`, `getRuntime`, `getClass`, `forName`,
 * `newInstance`, `invoke`, `eval`, `evaluate`, `System`, `Runtime`, `ProcessBuilder`, `Thread`, `sleep`,
 * `class`, `metaClass`, `binding`, `script`, `GroovyShell`) nor `drop()`, what a break-out appends, nor the
 * `io()` and `call()` steps (a file read or write, a service call). A Gremlin server evaluates the text as
 * Groovy (session 22 left the traversal blocked for that reason): what Groovy can do beyond the traversal's
 * steps it does through those names, a closure, `new` or a class, all outside the grammar. Such a
 * traversal's steps are not scored; its literals are (`traversalLiterals`), and a rule's hit still decides.
 */

const MAX_CHARS = 4096;

/** Names no read or write of graph data needs, and exploits call (any case). */
const SINK_NAMES = new Set([
  'execute', 'exec', 'getruntime', 'getclass', 'forname', 'newinstance', 'invoke', 'invokemethod', 'eval', 'evaluate', 'system', 'runtime', 'processbuilder',
  'thread', 'sleep', 'class', 'classloader', 'metaclass', 'binding', 'script', 'shell', 'groovyshell', 'load', 'exit', 'drop', 'new', 'getproperty', 'getenv',
  'file', 'url', 'io', 'call',
]);

/** A string literal's characters: words, digits, spaces and the punctuation of ids, dates and addresses. */
const LITERAL_CHAR = /^[\p{L}\p{N} _.,:@/+#-]*$/u;

class Parser {
  i = 0;
  /** The string literals' texts, in order. */
  readonly literals: string[] = [];
  constructor(readonly s: string) {}

  private ws(): void {
    while (this.i < this.s.length && (this.s[this.i] === ' ' || this.s[this.i] === '\n' || this.s[this.i] === '\r' || this.s[this.i] === '\t')) this.i++;
  }

  private name(): string | null {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i, this.i + 64));
    if (m === null) return null;
    if (SINK_NAMES.has(m[0].toLowerCase())) return null;
    this.i += m[0].length;
    return m[0];
  }

  /** `(args)` after a step's name. */
  private call(depth: number): boolean {
    if (this.s[this.i] !== '(') return false;
    this.i++;
    this.ws();
    if (this.s[this.i] === ')') {
      this.i++;
      return true;
    }
    for (;;) {
      if (!this.argument(depth + 1)) return false;
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        this.ws();
        continue;
      }
      if (this.s[this.i] === ')') {
        this.i++;
        return true;
      }
      return false;
    }
  }

  /** `.name(args)` steps, as many as there are. */
  private steps(depth: number): boolean {
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '.') return true;
      this.i++;
      if (this.name() === null || !this.call(depth)) return false;
    }
  }

  private argument(depth: number): boolean {
    if (depth > 16) return false;
    const c = this.s[this.i];
    if (c === "'" || c === '"') {
      const close = this.s.indexOf(c, this.i + 1);
      if (close < 0 || !LITERAL_CHAR.test(this.s.slice(this.i + 1, close))) return false;
      this.literals.push(this.s.slice(this.i + 1, close));
      this.i = close + 1;
      return true;
    }
    const number = /^-?\d+(?:\.\d+)?[LlDdFf]?/.exec(this.s.slice(this.i, this.i + 32));
    if (number !== null) {
      this.i += number[0].length;
      return true;
    }
    // A binding, an enum (`T.label`, `Order.desc`), a predicate (`gt(1)`, `P.within(…)`), an anonymous traversal (`__.out('x')`).
    if (this.name() === null) return false;
    for (;;) {
      if (this.s[this.i] === '(') {
        if (!this.call(depth)) return false;
        return this.steps(depth);
      }
      if (this.s[this.i] !== '.') return true;
      this.i++;
      if (this.name() === null) return false;
    }
  }

  traversal(): boolean {
    this.ws();
    if (!this.s.startsWith('g.', this.i)) return false;
    this.i += 2;
    const source = this.name();
    if (source === null || !/^(?:V|E|addV|addE|inject|with\w*|mergeV|mergeE)$/.test(source) || !this.call(0) || !this.steps(0)) return false;
    this.ws();
    return this.i === this.s.length;
  }
}

/**
 * The string literals of one whole Gremlin traversal of plain steps (see the module comment), joined by
 * spaces, or null when `text` is not one. The steps are a query, not a user's words; the literals are what a
 * user put in it (a name searched for, a property written) and are scored as any value: a path or a
 * payload quoted in a `has()` or a `property()` is not hidden by the traversal around it.
 */
export function traversalLiterals(text: string): string | null {
  if (text.length > MAX_CHARS || text.charCodeAt(0) !== 103 /* g */ || text.charCodeAt(1) !== 46 /* . */) return null;
  const parser = new Parser(text);
  return parser.traversal() ? parser.literals.join(' ') : null;
}
