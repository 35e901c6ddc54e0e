import { addFieldNameTarget, isPlainFieldName } from '../field-names.js';
import { DUPLICATE_JSON_KEY, MALFORMED_JSON } from '../findings.js';
import type { TargetLocation, TargetRole } from '../types.js';
import type { BodyContext } from './body-context.js';
import { finishNow, type Steps } from '../work-clock.js';
import { addGraphqlLiterals, isGraphqlField, looksLikeGraphql } from '../graphql-literals.js';
import { STEPPED_VALUE_CHARS } from '../target-collector.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `user.address[0].street`; keys that are not identifiers are bracket-quoted: `a["x y"]`. */
function childPath(parent: string, key: string): string {
  if (IDENTIFIER.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

const END_OF_INPUT = 'unexpected end of input';

/*
 * Exec-form command arrays: `["/bin/sh", "-c", "<script>"]` (also `["/usr/bin/env", "bash", "-lc", ...]`).
 * The element after the shell's `-c` is a script by the document's own declaration (Kubernetes
 * `command`, Docker `CMD`, ECS `command`, CI job steps), so it is targeted with role `script`; later
 * elements are the script's positional arguments, plain values again.
 */
const EXEC_NONE = 0;
const EXEC_SHELL = 1;
const EXEC_SCRIPT_NEXT = 2;
const EXEC_DONE = 3;
const SHELL = /^(?:\/usr)?(?:\/local)?(?:\/s?bin\/)?(?:ba|da|z|k|a)?sh$/;
const ENV = /^(?:\/usr)?\/bin\/env$/;
const COMMAND_FLAG = /^-[a-z]*c$/;

function nextExecState(state: number, index: number, text: string): number {
  if (state === EXEC_NONE) {
    if (index === 0 && ENV.test(text)) return EXEC_NONE;
    return index <= 1 && SHELL.test(text) ? EXEC_SHELL : EXEC_DONE;
  }
  if (state === EXEC_SHELL) return COMMAND_FLAG.test(text) ? EXEC_SCRIPT_NEXT : EXEC_DONE;
  return EXEC_DONE;
}

function digitsEnd(s: string, from: number): number {
  let k = from;
  while (k < s.length && s.charCodeAt(k) >= 0x30 && s.charCodeAt(k) <= 0x39) k++;
  return k;
}

/** Objects up to this many keys check duplicates with a scan; larger ones switch to a Set. */
const SMALL_OBJECT = 16;

function seenKey(keys: readonly string[], count: number, key: string): boolean {
  for (let k = 0; k < count; k++) if (keys[k] === key) return true;
  return false;
}

/**
 * A JSON walker written for inspection rather than use: it never builds the document, emits string
 * values and odd keys as targets as it goes, sees duplicate keys (which JSON.parse silently merges,
 * last wins, while other parsers keep the first), bounds nesting, and reports where a body stops being
 * JSON instead of throwing. Numbers, booleans and null are validated and skipped.
 */
class JsonWalker {
  private i = 0;
  private error: string | null = null;
  /** Set when the collector can take no more targets: the walk ends early (the inspection is already marked uncovered). */
  private stopped = false;
  /** Per object depth, the list `object` keeps its keys in (entries past its own count are stale). */
  private readonly keyLists: string[][] = [];
  /** A string value of STEPPED_VALUE_CHARS or more just read, to be added in steps by the walk's generator. */
  private longValue: { name: string; role: TargetRole; text: string; escaped: boolean } | null = null;
  /** Whether the last string read had escapes (its text is then not the bytes of the body). */
  private escaped = false;
  /** Where the targets sit: the body, or the query or form field whose value the document is. */
  private readonly location: TargetLocation;
  /** A field's document: no string of it is the request's bytes as sent (the field's value was percent-decoded). */
  private readonly inField: boolean;

  constructor(
    private readonly s: string,
    private readonly context: BodyContext,
  ) {
    this.location = context.field?.location ?? 'body';
    this.inField = context.field !== undefined;
  }

  *walk(): Steps<boolean> {
    if (this.s.charCodeAt(0) === 0xfeff) this.i = 1;
    this.skipWhitespace();
    const root = this.context.namePrefix === '' ? '' : this.context.namePrefix.slice(0, -1);
    let parsed = yield* this.value(root, 0);
    if (this.longValue !== null) yield* this.addLongValue();
    // JSON lines (NDJSON, Elasticsearch `_bulk`, Sentry envelopes, log shippers): documents on later
    // lines are walked too, named `[1]`, `[2]`… after the first, instead of ending as malformed text.
    for (let line = 1; parsed && this.atNextLine(); line++) {
      parsed = yield* this.value(`${root}[${line}]`, 0);
      if (this.longValue !== null) yield* this.addLongValue();
    }
    if (parsed) {
      this.skipWhitespace();
      if (this.i < this.s.length) this.fail(`unexpected data after the document at offset ${this.i}`);
    }
    if (this.error === null || this.stopped) return true;
    if (!(this.error === END_OF_INPUT && this.context.truncated)) {
      this.context.collector.report(MALFORMED_JSON, [this.error], this.location, root === '' ? undefined : root);
    }
    return false;
  }

  /** After a document: whether another begins on a later line (whitespace holding a line break, then `{` or `[`). */
  private atNextLine(): boolean {
    const s = this.s;
    let i = this.i;
    let lineBreak = false;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 0x0a) lineBreak = true;
      else if (c !== 0x20 && c !== 0x0d && c !== 0x09) break;
      i++;
    }
    const c = s.charCodeAt(i);
    if (!lineBreak || (c !== 0x7b && c !== 0x5b)) return false;
    this.i = i;
    return true;
  }

  private fail(why: string): false {
    this.error ??= why;
    return false;
  }

  private skipWhitespace(): void {
    const s = this.s;
    let i = this.i;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    this.i = i;
  }

  /** Whether the value at the cursor is a container the walk enters (in steps: it may hold thousands of values). */
  private entersContainer(depth: number): boolean {
    const c = this.s.charCodeAt(this.i);
    return (c === 0x7b || c === 0x5b) && depth < this.context.options.maxJsonDepth && !this.context.collector.exhausted;
  }

  /** The root value; inside containers the loops pick container/scalar themselves (a generator per string would cost). */
  private *value(path: string, depth: number): Steps<boolean> {
    return this.entersContainer(depth) ? yield* this.container(path, depth) : this.scalar(path, depth);
  }

  private container(path: string, depth: number): Steps<boolean> {
    return this.s.charCodeAt(this.i) === 0x7b ? this.object(path, depth + 1) : this.array(path, depth + 1);
  }

  /** A string, number or literal, or a container too deep to walk (skipped, its strings made light targets). */
  private scalar(path: string, depth: number): boolean {
    if (this.context.collector.exhausted) {
      this.stopped = true;
      return this.fail('stopped');
    }
    if (this.i >= this.s.length) return this.fail(END_OF_INPUT);
    const c = this.s.charCodeAt(this.i);
    switch (c) {
      case 0x22:
        return this.stringValue(path, 'value') !== null;
      case 0x7b:
      case 0x5b:
        if (depth >= this.context.options.maxJsonDepth) {
          this.context.collector.noteReached('maxJsonDepth', this.context.options.maxJsonDepth);
          return this.skipContainer(path === '' ? 'body' : path);
        }
        return finishNow(this.container(path, depth)); // not reached: entersContainer took it
      case 0x74:
        return this.literal('true');
      case 0x66:
        return this.literal('false');
      case 0x6e:
        return this.literal('null');
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
        return this.fail(`unexpected character ${JSON.stringify(this.s[this.i])} at offset ${this.i}`);
    }
  }

  private *object(path: string, depth: number): Steps<boolean> {
    const s = this.s;
    this.i++;
    this.skipWhitespace();
    if (s.charCodeAt(this.i) === 0x7d) {
      this.i++;
      return true;
    }
    // The keys seen so far, for duplicates: one list per depth reused by every object at that depth (siblings
    // are walked one after the other), not an array per object (~30,000 objects in 1 MiB).
    const keys = (this.keyLists[depth] ??= []);
    let keyCount = 0;
    let keySet: Set<string> | null = null;
    for (;;) {
      this.skipWhitespace();
      if (this.i >= s.length) return this.fail(END_OF_INPUT);
      if (s.charCodeAt(this.i) !== 0x22) return this.fail(`expected a key at offset ${this.i}`);
      const key = this.string();
      if (key === null) return false;
      const keyPath = childPath(path, key);
      const duplicate = keySet !== null ? keySet.has(key) : seenKey(keys, keyCount, key);
      if (duplicate) this.context.collector.report(DUPLICATE_JSON_KEY, [key], this.location, keyPath);
      else if (keySet !== null) keySet.add(key);
      else {
        keys[keyCount++] = key;
        if (keyCount > SMALL_OBJECT) keySet = new Set(keys.slice(0, keyCount));
      }
      addFieldNameTarget(this.context.collector, this.location, key, keyPath);
      this.skipWhitespace();
      if (this.i >= s.length) return this.fail(END_OF_INPUT);
      if (s.charCodeAt(this.i) !== 0x3a) return this.fail(`expected ':' at offset ${this.i}`);
      this.i++;
      this.skipWhitespace();
      if (!(this.entersContainer(depth) ? yield* this.container(keyPath, depth) : this.scalar(keyPath, depth))) return false;
      if (this.longValue !== null) yield* this.addLongValue();
      if (this.context.collector.due()) yield;
      this.skipWhitespace();
      const c = s.charCodeAt(this.i);
      this.i++;
      if (c === 0x2c) continue;
      if (c === 0x7d) return true;
      return this.fail(Number.isNaN(c) ? END_OF_INPUT : `expected ',' or '}' at offset ${this.i - 1}`);
    }
  }

  private *array(path: string, depth: number): Steps<boolean> {
    const s = this.s;
    this.i++;
    this.skipWhitespace();
    if (s.charCodeAt(this.i) === 0x5d) {
      this.i++;
      return true;
    }
    let exec = EXEC_NONE;
    for (let index = 0; ; index++) {
      this.skipWhitespace();
      const c0 = s.charCodeAt(this.i);
      // Element paths are only built for values that can hold text.
      const elementPath = c0 === 0x22 || c0 === 0x7b || c0 === 0x5b ? `${path}[${index}]` : path;
      if (c0 === 0x22) {
        const text = this.stringValue(elementPath, exec === EXEC_SCRIPT_NEXT ? 'script' : 'value');
        if (text === null) return false;
        if (this.longValue !== null) yield* this.addLongValue();
        exec = nextExecState(exec, index, text);
      } else {
        if (!(this.entersContainer(depth) ? yield* this.container(elementPath, depth) : this.scalar(elementPath, depth))) return false;
        exec = EXEC_DONE;
      }
      if (this.context.collector.due()) yield;
      this.skipWhitespace();
      const c = s.charCodeAt(this.i);
      this.i++;
      if (c === 0x2c) continue;
      if (c === 0x5d) return true;
      return this.fail(Number.isNaN(c) ? END_OF_INPUT : `expected ',' or ']' at offset ${this.i - 1}`);
    }
  }

  /** A string value at s[i] === '"' becomes a target with `role`; returns its text, or null (error set). */
  private stringValue(path: string, role: TargetRole): string | null {
    if (this.context.collector.exhausted) {
      this.stopped = true;
      return this.nullFail('stopped');
    }
    const text = this.string();
    if (text === null) return null;
    const name = path === '' ? 'body' : path;
    // A long one becomes a target in steps (its trigger scan in pieces), by the generator that called this, before anything else is added.
    if (text.length >= STEPPED_VALUE_CHARS) this.longValue = { name, role, text, escaped: this.escaped };
    else {
      this.context.collector.add(this.location, name, role, text, false, true, this.escaped || this.inField ? 'json' : undefined);
      this.graphqlLiterals(name, role, text);
    }
    return text;
  }

  private *addLongValue(): Steps<void> {
    const { name, role, text, escaped } = this.longValue!;
    this.longValue = null;
    yield* this.context.collector.addInSteps(this.location, name, role, text, escaped || this.inField ? 'json' : undefined);
    this.graphqlLiterals(name, role, text);
  }

  /** A GraphQL request's `query`: its inline string arguments become targets of their own. */
  private graphqlLiterals(name: string, role: TargetRole, text: string): void {
    if (role === 'value' && isGraphqlField(name) && looksLikeGraphql(text)) addGraphqlLiterals(this.context.collector, this.location, name, text);
  }

  /** Returns the unescaped string at s[i] === '"', or null (error set). */
  private string(): string | null {
    const s = this.s;
    const start = this.i + 1;
    let i = start;
    this.escaped = false;
    for (;;) {
      if (i >= s.length) return this.nullFail(END_OF_INPUT);
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        this.i = i + 1;
        return s.slice(start, i);
      }
      if (c === 0x5c) break;
      if (c < 0x20) return this.nullFail(`control character in a string at offset ${i}`);
      i++;
    }
    let out = s.slice(start, i);
    this.escaped = true;
    for (;;) {
      if (i >= s.length) return this.nullFail(END_OF_INPUT);
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        this.i = i + 1;
        return out;
      }
      if (c === 0x5c) {
        const e = s[i + 1];
        if (e === undefined) return this.nullFail(END_OF_INPUT);
        if (e === 'u') {
          const hex = s.slice(i + 2, i + 6);
          if (hex.length < 4 && this.context.truncated && i + 6 > s.length) return this.nullFail(END_OF_INPUT);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) return this.nullFail(`invalid \\u escape at offset ${i}`);
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
          continue;
        }
        const simple = SIMPLE_ESCAPES[e];
        if (simple === undefined) return this.nullFail(`invalid escape \\${e} at offset ${i}`);
        out += simple;
        i += 2;
        continue;
      }
      if (c < 0x20) return this.nullFail(`control character in a string at offset ${i}`);
      let j = i + 1;
      while (j < s.length) {
        const d = s.charCodeAt(j);
        if (d === 0x22 || d === 0x5c || d < 0x20) break;
        j++;
      }
      out += s.slice(i, j);
      i = j;
    }
  }

  private nullFail(why: string): null {
    this.fail(why);
    return null;
  }

  private literal(word: string): boolean {
    if (this.s.startsWith(word, this.i)) {
      this.i += word.length;
      return true;
    }
    if (this.i + word.length > this.s.length && word.startsWith(this.s.slice(this.i))) return this.fail(END_OF_INPUT);
    return this.fail(`unexpected character ${JSON.stringify(this.s[this.i])} at offset ${this.i}`);
  }

  private number(): boolean {
    const s = this.s;
    const start = this.i;
    let i = start;
    if (s.charCodeAt(i) === 0x2d) i++;
    let j = digitsEnd(s, i);
    if (j === i) return this.fail(i >= s.length ? END_OF_INPUT : `invalid number at offset ${start}`);
    if (s.charCodeAt(i) === 0x30 && j > i + 1) return this.fail(`leading zero in a number at offset ${start}`);
    i = j;
    if (s.charCodeAt(i) === 0x2e) {
      j = digitsEnd(s, i + 1);
      if (j === i + 1) return this.fail(j >= s.length ? END_OF_INPUT : `invalid number at offset ${start}`);
      i = j;
    }
    if ((s.charCodeAt(i) | 0x20) === 0x65) {
      i++;
      if (s.charCodeAt(i) === 0x2b || s.charCodeAt(i) === 0x2d) i++;
      j = digitsEnd(s, i);
      if (j === i) return this.fail(j >= s.length ? END_OF_INPUT : `invalid number at offset ${start}`);
      i = j;
    }
    this.i = i;
    return true;
  }

  /**
   * A container too deep to walk by recursion: skipped without recursion, but every string in it (keys
   * and values) still becomes a light target named after the deepest path walked, so nesting an
   * attack 65 levels down does not hide it from the gates.
   */
  private skipContainer(path: string): boolean {
    const s = this.s;
    const { collector, options } = this.context;
    let depth = 0;
    for (let i = this.i; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        this.i = i;
        const text = this.string();
        if (text === null) return false;
        i = this.i - 1;
        // Keys: only those that could carry something (as in the walk); plain ones are noise.
        let k = this.i;
        while (k < s.length && (s.charCodeAt(k) === 0x20 || s.charCodeAt(k) === 0x0a || s.charCodeAt(k) === 0x0d || s.charCodeAt(k) === 0x09)) k++;
        const isKey = s.charCodeAt(k) === 0x3a;
        if (!collector.exhausted && !(isKey && isPlainFieldName(text))) {
          collector.addRemainder(this.location, path, isKey ? 'key' : 'value', text, false, 'maxJsonDepth', options.maxJsonDepth);
        }
      } else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (depth === 0) {
          this.i = i + 1;
          return true;
        }
      }
    }
    return this.fail(END_OF_INPUT);
  }
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** application/json and +json: string values and non-identifier keys at any depth become targets. */
export function parseJsonBody(body: Buffer, context: BodyContext): Steps<boolean> {
  const text = body.toString('utf8');
  context.collector.chargeText(text.length);
  return new JsonWalker(text, context).walk();
}

/** Same walk over text already decoded, to its end at once. */
export function parseJsonText(text: string, context: BodyContext): boolean {
  return finishNow(new JsonWalker(text, context).walk());
}
