/**
 * The shapes of blind benign set 16 (session 33, bb33, read) through the full pipeline (bundled rules + the shipped
 * model, `warden eval`): an online TeX editor's document saved as its lines (tex-markup.ts), a FHIR questionnaire's
 * calculated FHIRPath expression (property-expression.ts) and a notebook line's f-string with format specs
 * (format-fields.ts) pass; a LaTeX injection's file reads, shell escape and definitions, templates, SQL and markup in the
 * same lines, code, reflection and SQL in the expression, and code or a format-string injection in the notebook line
 * are still blocked.
 */
import { testCarriers, type Carrier } from './carrier-verdicts.js';

const json = (host: string, path: string, body: (v: string) => unknown): Carrier => (v) => ({ method: 'POST', path, query: '', headers: { Host: host, 'Content-Type': 'application/json' }, body: JSON.stringify(body(v)) });

const CARRIERS: Record<string, Carrier> = {
  'tex line': json('tex.example-uni.ac.uk', '/project/6571c0ffee0123456789abcd/doc/6571c0ffee0123456789abce/save', (v) => ({ lines: ['\\documentclass{article}', v, '\\begin{document}', 'Hello.', '\\end{document}'], version: 12 })),
  'fhirpath': json('fhir.example-health.org', '/r4/Questionnaire/$populate', (v) => ({ resourceType: 'Parameters', parameter: [{ name: 'questionnaire', resource: { resourceType: 'Questionnaire', item: [{ linkId: 'bmi', type: 'decimal', extension: [{ url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression', valueExpression: { language: 'text/fhirpath', expression: v } }] }] } }] })),
  'notebook line': json('hub.example-uni.ac.uk', '/user/aosei/api/contents/analysis/fit.ipynb', (v) => ({ type: 'notebook', format: 'json', content: { cells: [{ cell_type: 'code', execution_count: 4, metadata: {}, outputs: [], source: ['%%time\n', 'boot = np.array([m.params.dose for _ in range(200)])\n', v] }], metadata: {}, nbformat: 4, nbformat_minor: 5 } })),
};

const BENIGN: [string, string][] = [
  ['tex line', '\\usepackage[utf8]{inputenc}'],
  ['tex line', '\\addbibresource{refs.bib}'],
  ['tex line', '\\graphicspath{{figures/}}'],
  ['tex line', '\\graphicspath{{figures/}{img/plots/}}'],
  ['fhirpath', '%weight / ((%height / 100).power(2))'],
  ['fhirpath', '%resource.item.count() > 3'],
  ['notebook line', "print(f'{boot.mean():.3f} ± {boot.std():.3f}')"],
];

const ATTACKS: [string, string][] = [
  ['tex line', '\\input{/etc/passwd}'],
  ['tex line', '\\immediate\\write18{id}'],
  ['tex line', '\\lstinputlisting{/etc/passwd}'],
  ['tex line', '\\def\\x{\\input}\\x{/etc/passwd}'],
  ['tex line', '\\graphicspath{{7*7}}'],
  ['tex line', '\\textbf{${7*7}}'],
  ['tex line', "\\usepackage{x}' OR '1'='1"],
  ['tex line', '\\title{<script>alert(1)</script>}'],
  ['tex line', '\\href{javascript:alert(1)}{click}'],
  ['fhirpath', '%weight / ((%height / 100).constructor(2))'],
  ['fhirpath', "%x || (sleep(5)).power(2)"],
  ['fhirpath', '%x + (1 OR 1=1).power(2)'],
  ['fhirpath', "%27 OR '1'='1"],
  ['notebook line', "print(f'{boot.mean():.3f}'); __import__('os').system('id')"],
  ['notebook line', "print(f'{boot.mean():.3f}' + open('/etc/passwd').read())"],
  ['notebook line', "{0.__init__.__globals__[CONFIG]:.3f} {boot.mean():.3f}"],
  ['notebook line', "print(f'{boot.mean():.3f} {{7*7}}')"],
  ['notebook line', "<script>alert(document.cookie)</script>{x:.2f}"],
];

testCarriers('value shapes of blind benign set 16 through the pipeline', 'lets the TeX lines, the FHIRPath expression and the f-string pass', CARRIERS, BENIGN, ATTACKS);
