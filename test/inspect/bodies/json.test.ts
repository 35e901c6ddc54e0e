import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../../src/inspect/bodies/json.js';
import { bodyContext, findingCodes, targetSummary } from './body-context.js';

function walk(text: string, options = {}, overrides = {}) {
  const context = bodyContext(options, overrides);
  const ok = parseJsonText(text, context);
  return { ok, context, targets: targetSummary(context), codes: findingCodes(context) };
}

describe('JSON body', () => {
  it('targets string values at any depth, named by path', () => {
    const { ok, targets } = walk('{"user":{"address":[{"street":"1 Main St"},{"street":"2 Elm"}],"tags":["a","b"]}}');
    expect(ok).toBe(true);
    expect(targets).toEqual([
      ['value', 'user.address[0].street', '1 Main St'],
      ['value', 'user.address[1].street', '2 Elm'],
      ['value', 'user.tags[0]', 'a'],
      ['value', 'user.tags[1]', 'b'],
    ]);
  });

  it('skips numbers, booleans and null without a target', () => {
    expect(walk('{"n":-1.5e+3,"t":true,"f":false,"z":null,"a":[1,2,3]}').targets).toEqual([]);
  });

  it('unescapes strings: the raw value is what the application gets', () => {
    expect(walk('{"q":"\\u003cscript\\u003e \\"x\\" \\\\ \\/ \\n"}').targets).toEqual([['value', 'q', '<script> "x" \\ / \n']]);
  });

  it('targets keys that are not plain identifiers, and bracket-quotes them in names', () => {
    expect(walk('{"a b":{"\' or 1=1--":"x"}}').targets).toEqual([
      ['key', '["a b"]', 'a b'],
      ['key', '["a b"]["\' or 1=1--"]', "' or 1=1--"],
      ['value', '["a b"]["\' or 1=1--"]', 'x'],
    ]);
  });

  it('targets the script of an exec-form shell command (sh -c) with role script, the other elements as values', () => {
    expect(walk('{"command":["/bin/sh","-c","cat /etc/config/app.yaml | envsubst > /tmp/app.yaml && exec /app/server","arg0"]}').targets).toEqual([
      ['value', 'command[0]', '/bin/sh'],
      ['value', 'command[1]', '-c'],
      ['script', 'command[2]', 'cat /etc/config/app.yaml | envsubst > /tmp/app.yaml && exec /app/server'],
      ['value', 'command[3]', 'arg0'],
    ]);
    expect(walk('["/usr/bin/env","bash","-lc","make test && make lint"]').targets[3]).toEqual(['script', '[3]', 'make test && make lint']);
  });

  it('declares no script outside the exec form: not after another program, a shell in the middle, or a string holding sh -c', () => {
    const roles = (text: string) => walk(text).targets.map(([role]) => role);
    expect(roles('{"x":["echo","-c","a | b"]}')).toEqual(['value', 'value', 'value']);
    expect(roles('{"x":["run","sh","-c","a | b"]}')).toEqual(['value', 'value', 'value', 'value']);
    expect(roles('{"x":["sh","-x","a | b"]}')).toEqual(['value', 'value', 'value']);
    expect(roles('{"cmd":"sh -c \\"a | b\\""}')).toEqual(['value']);
  });

  it('names a top-level string "body"', () => {
    expect(walk('"just text"').targets).toEqual([['value', 'body', 'just text']]);
  });

  it('reports duplicate keys (parsers disagree on which wins) and keeps both values', () => {
    const { targets, codes } = walk('{"role":"user","role":"admin"}');
    expect(codes).toEqual(['WARDEN_INSPECT_DUPLICATE_JSON_KEY']);
    expect(targets.map((t) => t[2])).toEqual(['user', 'admin']);
  });

  it('finds duplicate keys in large objects too', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `"k${i}":${i}`).join(',');
    expect(walk(`{${keys},"k3":"again"}`).codes).toEqual(['WARDEN_INSPECT_DUPLICATE_JSON_KEY']);
    expect(walk(`{${keys}}`).codes).toEqual([]);
  });

  it('reports __proto__ keys', () => {
    expect(walk('{"__proto__":{"isAdmin":true}}').codes).toContain('WARDEN_INSPECT_PROTOTYPE_POLLUTION_KEY');
  });

  it.each([
    ['trailing comma', '{"a":"b",}'],
    ['single quotes', "{'a':'b'}"],
    ['unterminated string', '{"a":"b'],
    ['bad escape', '{"a":"\\q"}'],
    ['truncated \\u', '{"a":"\\u12"}'],
    ['raw newline in string', '{"a":"x\ny"}'],
    ['trailing data', '{"a":"b"} {"c":"d"}'],
    ['leading zero', '{"a":01}'],
    ['bare word', '{"a":undefined}'],
    ['missing colon', '{"a" "b"}'],
  ])('reports malformed JSON (%s) instead of throwing', (_why, text) => {
    const { ok, codes } = walk(text);
    expect(ok).toBe(false);
    expect(codes).toContain('WARDEN_INSPECT_MALFORMED_JSON');
  });

  it('keeps the targets seen before the error', () => {
    expect(walk('{"a":"<first>","b":}').targets).toEqual([['value', 'a', '<first>']]);
  });

  it('does not call a truncated body malformed when only a prefix was kept', () => {
    const { ok, codes } = walk('{"a":"b","c":"de', {}, { truncated: true });
    expect(ok).toBe(false);
    expect(codes).toEqual([]);
  });

  it('bounds nesting: deeper containers are not recursed into, and reported', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const { ok, codes } = walk(`{"x":"y","d":${deep},"after":"z"}`, { maxJsonDepth: 16 });
    expect(ok).toBe(true);
    expect(codes).toEqual(['WARDEN_INSPECT_LIMIT_REACHED']);
  });

  it('keeps targets after a too-deep container, and the strings inside it as light targets named by the deepest path', () => {
    const { targets } = walk('{"d":[[[["deep"]]]],"after":"z"}', { maxJsonDepth: 2 });
    expect(targets).toEqual([
      ['value', 'd[0]', 'deep'],
      ['value', 'after', 'z'],
    ]);
  });

  it('hides no attack 65 levels down (issue 17): the bottom string is still a target', () => {
    let doc = JSON.stringify("' UNION SELECT password FROM users--");
    for (let i = 0; i < 65; i++) doc = `{"a":${doc}}`;
    const { targets } = walk(doc);
    expect(targets.map((t) => t[2])).toEqual(["' UNION SELECT password FROM users--"]);
  });

  it('handles a BOM and surrounding whitespace', () => {
    expect(walk('\ufeff \n {"a":"b"} \n').ok).toBe(true);
  });
});
