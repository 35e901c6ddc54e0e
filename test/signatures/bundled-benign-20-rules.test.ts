/**
 * Bundled rules narrowed by rev 2026-12-18h (bb37, session 37, issue 14's benign side): blind benign set 20 (read) and the
 * lead's hard benign values. Each narrowed rule still fires on its attack, sent the way such an exploit sends it, and is
 * quiet on the benign request that was blocked: MkDocs' `!!python/name:` format setting, a code search for `../../shared/utils`.
 */
import { describe } from 'vitest';
import { type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, get, postForm, postJson } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const mkdocs = 'site_name: Example Project\nmarkdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n        - name: mermaid\n          class: mermaid\n          format: !!python/name:pymdownx.superfences.fence_code_format\n';

const CASES: RuleCase[] = [
  [9001019, 'block', 'a PyYAML object/apply tag in a JSON config (rev 3 keeps it)', postJson('/api/config', JSON.stringify({ yaml: 'x: !!python/object/apply:os.system ["id"]' })), postJson('/api/config/mkdocs.yml', JSON.stringify({ yaml: mkdocs }))],
  [9001019, 'block', 'a PyYAML object/new tag in a form value (rev 3 keeps it)', postForm('/api/import', `config=${encodeURIComponent('a: !!python/object/new:subprocess.Popen [["id"]]')}`), postForm('/api/config', `yaml=${encodeURIComponent(mkdocs)}`)],
  [9001019, 'block', 'a PyYAML module tag, percent-encoded (rev 3 keeps it)', get('/api/load?doc=x%3A+%21%21python%2Fmodule%3Aos'), get('/api/load?doc=x%3A+%21%21python%2Fname%3Ayaml.safe_load')],
  [9000429, 'block', 'a file name two levels up in a query (rev 2 keeps it)', get('/download?file=..%2F..%2Fconfig%2Fdatabase.yml'), get('/search?q=..%2F..%2Fshared%2Futils&page=1')],
  [9000429, 'block', 'a one-letter name other than q (rev 2 keeps it)', get('/view?f=../../app/settings.py'), get('/code/search?q=../../lib/helpers&lang=ts')],
  [9000429, 'block', 'a JSON key other than q (rev 2 keeps it)', postJson('/api/files/read', '{"path":"../../.env"}'), postJson('/api/search', '{"q":"../../shared/utils","limit":20}')],
];

describe('bundled rules narrowed from blind benign set 20 and the lead\'s hard benign values (rev 2026-12-18h)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
