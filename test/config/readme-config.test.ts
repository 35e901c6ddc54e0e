import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateWardenConfig } from '../../src/config/load-config.js';

// Walked from the README: its "Configuration" block, which says every key's default, put
// `subjectHeader` under `alerts` (it is `access.subjectHeader`), so the block copied into a file was
// refused (`alerts.subjectHeader: unknown key`); the access example's hashes were cut short.
const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const yamlBlocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => ({
  line: readme.slice(0, m.index).split('\n').length,
  text: m[1],
}));

describe("the README's YAML examples", () => {
  it('has the blocks this test reads', () => {
    expect(yamlBlocks.length).toBeGreaterThanOrEqual(7);
  });

  it.each(yamlBlocks.map((b) => [b.line, b.text] as const))('block at README line %i is a valid config', (_line, text) => {
    expect(() => validateWardenConfig(parse(text))).not.toThrow();
  });

  it('the Configuration block is the defaults, but for its example routes and exceptions', () => {
    const section = readme.slice(readme.indexOf('## Configuration'));
    const block = yamlBlocks.find((b) => section.startsWith(b.text, section.indexOf('```yaml\n') + 8));
    expect(block).toBeDefined();
    const written = validateWardenConfig(parse(block!.text)) as unknown as Record<string, unknown>;
    const defaults = validateWardenConfig({}) as unknown as Record<string, unknown>;
    expect((written.routes as unknown[]).length).toBeGreaterThan(0);
    expect((written.exceptions as unknown[]).length).toBeGreaterThan(0);
    expect({ ...written, routes: [], exceptions: [] }).toEqual(defaults);
  });
});
