/**
 * The shapes of blind benign set 15, the read ones of sets 9, 11 and 13 and the `report-blobs` family (session 32,
 * bb32), through the full pipeline (bundled rules + the shipped model, `warden eval`): a WHERE condition in a close
 * tool's rule (sql-condition.ts), a signature image as a data URI (`isImageDataUri`), i18next's `{{- html}}` (a trimmed
 * lone name), SoQL's `$where` beside `$select` (query-options.ts) and a backup job's numbered data folders
 * (path-mention.ts) pass; injections in the same fields — a breakout, a tautology, a sub-select, a sleep, a script under
 * an image type or as HTML, a template probe, a MongoDB `$where` function, a Windows system file or a traversal among
 * the backup's folders — are still blocked.
 */
import { testCarriers, type Carrier } from './carrier-verdicts.js';

const json = (host: string, path: string, body: (v: string) => unknown): Carrier => (v) => ({ method: 'POST', path, query: '', headers: { Host: host, 'Content-Type': 'application/json' }, body: JSON.stringify(body(v)) });

const CARRIERS: Record<string, Carrier> = {
  'elimination rule': json('close.example-fin.com', '/api/intercompany/eliminations', (v) => ({ period: '2026-11', rule: v, action: 'eliminate' })),
  'ELD signature': json('eld.example-fleet.io', '/api/eld/logs/certify', (v) => ({ driver: 'D-2210', date: '2026-12-06', signature: v })),
  'translation': json('locize.example.app', '/locales/de/common.json', (v) => ({ dialog: { raw: v, title: 'Hinweis' } })),
  'backup job': json('backup.example-corp.com', '/api/v2/jobs/174', (v) => ({ job: 'Video 35', source_folders: ['D:\\Projects', v], destination: 'F:\\Backups\\video', schedule: 'weekly sun 03:30' })),
  'SoQL where': (v) => ({ method: 'GET', path: '/resource/erm2-nwe9.json', query: `%24where=${encodeURIComponent(v)}&%24select=borough&%24limit=50`, headers: { Host: 'data.example-city.gov', 'User-Agent': 'soda-py/1.0.5', Accept: 'application/json' } }),
};

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0x2c, 0, 0, 0, 0x64, 8, 6, 0, 0, 0, 0x8e, 0x11, 0x02, 0, 0, 0x20, 0, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0xed, 0xc1, 0x01, 0x0d, 0, 0, 0]).toString('base64');

const BENIGN: [string, string][] = [
  ['elimination rule', "entity IN ('UK01','DE02') AND counterparty IN ('UK01','DE02') AND account LIKE '1_5%'"],
  ['elimination rule', "region = 'EMEA' AND (account BETWEEN 4000 AND 4999 OR account LIKE '7_%')"],
  ['ELD signature', `data:image/png;base64,${png}`],
  ['translation', '{{- html}}'],
  ['backup job', 'E:\\video\\raw\\24559'],
  ['backup job', 'E:\\video\\raw\\5385'],
  ['SoQL where', "created_date between '2026-11-01T00:00:00' and '2026-11-30T23:59:59' AND complaint_type in('Noise - Residential','Noise - Street/Sidewalk')"],
];

const ATTACKS: [string, string][] = [
  ['elimination rule', "x' OR '1'='1' -- "],
  ['elimination rule', "entity IN ('UK01') AND 1=1 UNION SELECT username, password FROM users--"],
  ['elimination rule', "entity IN (SELECT password FROM users) AND account LIKE '1%'"],
  ['elimination rule', "entity = 'UK01' AND SLEEP(5) = 0 AND account LIKE '1%'"],
  ['ELD signature', `data:text/html;base64,${Buffer.from('<script>alert(document.cookie)</script>').toString('base64')}`],
  ['ELD signature', `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"/>').toString('base64')}`],
  ['ELD signature', `data:image/png;base64,${png}"><script>alert(1)</script>`],
  ['translation', "{{- config.__class__.__init__.__globals__['os'].popen('id').read() }}"],
  ['translation', '{{- self.__init__.__globals__ }}'],
  ['backup job', 'C:\\Windows\\System32\\drivers\\etc\\hosts'],
  ['backup job', '..\\..\\..\\..\\Windows\\win.ini'],
  ['backup job', 'C:\\xampp\\apache\\logs\\access_log'],
  ['backup job', 'E:\\video\\raw\\..\\..\\..\\Windows\\win.ini'],
  ['SoQL where', "1' OR '1'='1"],
  ['SoQL where', "status = 'open' UNION SELECT password FROM users--"],
  ['SoQL where', 'function() { sleep(5000); return true; }'],
  ['SoQL where', "this.password.match(/^a.*/) || '1'=='1'"],
];

testCarriers('value shapes of blind benign set 15 through the pipeline', 'lets the condition, the image, the trimmed name and the SoQL clause pass', CARRIERS, BENIGN, ATTACKS);
