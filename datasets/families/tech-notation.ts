/**
 * Notations that ordinary users and tools type into fields, whose punctuation is also attack syntax: a
 * validation regex in a settings form (`^\d{3}-\d{4}$`), LaTeX in a homework or forum answer
 * (`\frac{a}{b} \cdot \sqrt{2}`), Windows paths with environment variables (`%USERPROFILE%\Documents`,
 * `D:\Backups\2024\db.bak`), address lists with display names (`"Doe, John" <john@…>`), the query-operator
 * syntax of API frameworks (Feathers `$or[0][name]=…`, LoopBack and Parse `where={"age":{"$gt":18}}`,
 * Strapi `filters[title][$containsi]=…`), small Markdown tables (`| a | b |`), spreadsheet formulas,
 * cron lines and globs. Found by a blind benign probe set (datasets/README.md, "Blind payload probes"):
 * the payload model scored each of these shapes as an attack.
 */
import type { Family } from '../lib/family.js';
import { browserHeaders, pickBrowser } from '../lib/clients.js';
import type { Rng } from '../lib/rng.js';
import { webHost } from '../lib/sites.js';
import { encodePairs, multipartBody, pickQueryStyle, withBody, type WireRequest } from '../lib/wire.js';

// --- regexes: built from the parts validation patterns are made of -------------------------------
const CLASS = ['[a-z]', '[A-Z]', '[a-z0-9]', '[A-Za-z0-9_-]', '[0-9]', '\\d', '\\w', '[^\\s@]', '[A-Z0-9]', '[a-zA-Z\\u00C0-\\u017F]'];
const QUANT = ['+', '*', '?', '{2}', '{3}', '{4}', '{1,3}', '{2,4}', '{3,16}', '{8,}', '{1,30}'];
const SEP = ['-', '\\.', '\\/', ' ', '_', ':', '\\s?', '\\-'];
function regex(rng: Rng): string {
  if (rng.chance(0.3))
    return rng.pick([
      '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$',
      '^\\+?[1-9]\\d{1,14}$',
      '^[A-Z]{2}\\d{2}[A-Z0-9]{1,30}$',
      '^(?:[01]\\d|2[0-3]):[0-5]\\d$',
      '^https?:\\/\\/[^\\s/$.?#].[^\\s]*$',
      '^\\d{5}(?:-\\d{4})?$',
      '\\b(?:error|fatal|panic)\\b',
      '^(?=.*[A-Z])(?=.*\\d).{8,}$',
      '^#?([a-f0-9]{6}|[a-f0-9]{3})$',
      '(\\d+)\\s*(kg|g|lb)',
    ]);
  const parts = rng.int(1, 4);
  let out = rng.chance(0.7) ? '^' : '';
  for (let i = 0; i < parts; i++) {
    if (i > 0) out += rng.pick(SEP);
    out += rng.pick(CLASS) + rng.pick(QUANT);
  }
  return out + (out.startsWith('^') && rng.chance(0.8) ? '$' : '');
}

// --- LaTeX -------------------------------------------------------------------------------------
const VARS = ['x', 'y', 'a', 'b', 'n', 'k', '\\alpha', '\\beta', '\\theta', '\\lambda', 'f(x)', 'p'];
function latex(rng: Rng): string {
  const v = (): string => rng.pick(VARS);
  const forms = [
    () => `\\frac{${v()}}{${v()}}`,
    () => `\\sqrt{${v()}^2 + ${v()}^2}`,
    () => `\\sum_{i=1}^{${rng.pick(['n', 'N', '10'])}} ${rng.pick(['i', 'i^2', 'a_i', '\\frac{1}{i}'])}`,
    () => `\\int_{${rng.int(0, 1)}}^{${rng.pick(['1', '\\infty', '\\pi'])}} ${v()}\\,d${rng.pick(['x', 't'])}`,
    () => `\\lim_{${rng.pick(['x', 'n'])} \\to ${rng.pick(['0', '\\infty'])}} ${v()}`,
    () => `${v()} \\cdot ${v()} \\leq ${v()}`,
    () => `\\begin{pmatrix} ${v()} & ${v()} \\\\ ${v()} & ${v()} \\end{pmatrix}`,
    () => `P(A \\mid B) = \\frac{P(B \\mid A) P(A)}{P(B)}`,
    () => `${v()} = \\{ ${v()} \\in \\mathbb{${rng.pick(['R', 'N', 'Z'])}} : ${v()} > 0 \\}`,
  ];
  const n = rng.int(1, 3);
  const expr = Array.from({ length: n }, () => rng.pick(forms)()).join(rng.pick([' + ', ' = ', ', ', ' \\Rightarrow ']));
  return rng.chance(0.5) ? `$${expr}$` : rng.chance(0.5) ? `\\(${expr}\\)` : expr;
}

// --- Windows paths -------------------------------------------------------------------------------
const ENV = ['%USERPROFILE%', '%APPDATA%', '%LOCALAPPDATA%', '%ProgramData%', '%TEMP%', '%HOMEPATH%', '%OneDrive%'];
const DIRS = ['Documents', 'Downloads', 'Desktop', 'Backups', 'Projects', 'Invoices', 'Reports', 'Acme', 'Shared', 'Scans', 'Photos'];
const FILES = ['report.xlsx', 'db.bak', 'invoice.pdf', 'config.json', 'notes.txt', 'setup.exe', 'data.csv', 'photo.jpg', 'backup.zip', 'settings.ini'];
function windowsPath(rng: Rng): string {
  const year = String(rng.int(2015, 2026));
  const dirs = rng.sample([...DIRS, year, `Q${rng.int(1, 4)} ${year}`], rng.int(1, 3)).join('\\');
  const file = rng.chance(0.8) ? `\\${rng.pick(FILES)}` : '';
  switch (rng.int(0, 3)) {
    case 0:
      return `${rng.pick(ENV)}\\${dirs}${file}`;
    case 1:
      return `${rng.pick(['C', 'D', 'E'])}:\\${dirs}${file}`;
    case 2:
      return `\\\\${rng.pick(['fileserver', 'nas01', 'FS-OSLO', 'corp-share'])}\\${rng.pick(['share', 'public', 'finance$', 'home'])}\\${dirs}${file}`;
    default:
      return `C:\\Program Files${rng.chance(0.5) ? ' (x86)' : ''}\\${rng.pick(['Acme', 'Contoso', 'Fabrikam'])}\\${rng.pick(['bin', 'data', 'logs'])}${file}`;
  }
}

// --- address lists with display names ----------------------------------------------------------------
function addressList(rng: Rng, en: import('@faker-js/faker').Faker): string {
  const one = (): string => {
    const first = en.person.firstName();
    const last = en.person.lastName();
    const mail = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + `@${en.internet.domainName()}`;
    switch (rng.int(0, 3)) {
      case 0:
        return `"${last}, ${first}" <${mail}>`;
      case 1:
        return `${first} ${last} <${mail}>`;
      case 2:
        return `"${first} ${last} (${rng.pick(['Sales', 'IT', 'Support', 'via Acme'])})" <${mail}>`;
      default:
        return mail;
    }
  };
  return Array.from({ length: rng.int(1, 3) }, one).join(rng.pick([', ', '; ']));
}

// --- API query-operator syntaxes --------------------------------------------------------------------
const FIELDS = ['name', 'sku', 'title', 'status', 'price', 'age', 'createdAt', 'score', 'category', 'city'];
const WORDS = ['mug', 'lamp', 'active', 'draft', 'oslo', 'blue', 'M-1', 'pro'];
function operatorQuery(rng: Rng): [string, string][] {
  const f = (): string => rng.pick(FIELDS);
  const w = (): string => rng.pick(WORDS);
  switch (rng.int(0, 5)) {
    case 0: // Feathers / Sequelize-style brackets
      return [[`$or[0][${f()}]`, w()], [`$or[1][${f()}]`, w()], ['$limit', String(rng.pick([10, 20, 50]))], [`$sort[${f()}]`, rng.pick(['-1', '1'])]];
    case 1:
      return [[`${f()}[$${rng.pick(['like', 'ilike', 'ne', 'in'])}]`, rng.chance(0.5) ? `%${w()}%` : w()], [`price[$${rng.pick(['lte', 'gte', 'lt', 'gt'])}]`, String(rng.int(5, 500))], ['$skip', String(rng.int(0, 5) * 20)]];
    case 2: // LoopBack / Parse JSON filters
      return [[rng.pick(['where', 'filter']), JSON.stringify(rng.chance(0.5) ? { [f()]: { [rng.pick(['$gt', '$gte', '$lt', '$in', 'gt', 'inq'])]: rng.chance(0.5) ? rng.int(1, 99) : [w(), w()] } } : { where: { [f()]: { [rng.pick(['gt', 'lt', 'like'])]: rng.chance(0.5) ? rng.int(1, 99) : w() } }, limit: rng.pick([5, 10]), order: `${f()} DESC` })]];
    case 3: // Strapi filters
      return [[`filters[${f()}][$${rng.pick(['eq', 'containsi', 'in', 'gte', 'notNull'])}]`, w()], [`sort[0]`, `${f()}:${rng.pick(['asc', 'desc'])}`], ['pagination[page]', String(rng.int(1, 9))]];
    case 4: // Mongo-flavoured REST (RESTHeart, Directus)
      return [['filter', JSON.stringify({ [f()]: { [rng.pick(['$eq', '$ne', '$regex', '_eq', '_contains'])]: w() } })], ['sort', `-${f()}`]];
    default: // json:api, PostgREST
      return rng.chance(0.5)
        ? [[`filter[${f()}]`, w()], ['fields[items]', `${f()},${f()}`], ['page[size]', '25']]
        : [[f(), `${rng.pick(['eq', 'gte', 'lt', 'ilike', 'neq'])}.${rng.chance(0.5) ? `*${w()}*` : String(rng.int(1, 99))}`], ['select', `${f()},${f()}`], ['order', `${f()}.desc`]];
  }
}

// --- small Markdown tables, formulas, cron and globs -------------------------------------------------
function markdownTable(rng: Rng): string {
  const cols = rng.int(2, 3);
  const cell = (): string => rng.pick(['a', 'b', 'c', 'x', 'y', '1', '2', '3', '0', 'yes', 'no', '✓', '-', 'n/a']);
  const row = (): string => `| ${Array.from({ length: cols }, cell).join(' | ')} |`;
  const sep = `|${Array.from({ length: cols }, () => rng.pick(['---', ':--', ':-:', '--:', '------'])).join('|')}|`;
  return [row(), sep, ...Array.from({ length: rng.int(1, 3) }, row)].join('\n');
}
function formula(rng: Rng): string {
  const c = (): string => `${rng.pick(['A', 'B', 'C', 'D'])}${rng.int(1, 40)}`;
  return rng.pick([
    () => `=SUM(${c()}:${c()})`,
    () => `=IF(${c()}>${rng.int(0, 100)},"${rng.pick(['yes', 'ok', 'high'])}","${rng.pick(['no', '-', 'low'])}")`,
    () => `=VLOOKUP(${c()},Sheet2!A:B,2,FALSE)`,
    () => `=${c()}*${c()}`,
    () => `=ROUND(AVERAGE(${c()}:${c()}),2)`,
    () => `=COUNTIF(${c()}:${c()},"<>")`,
  ])();
}
function cronOrGlob(rng: Rng): string {
  return rng.pick([
    () => `*/${rng.pick([5, 10, 15, 30])} * * * *`,
    () => `0 ${rng.int(0, 23)} * * ${rng.pick(['*', '1-5', '0', '6'])}`,
    () => `${rng.int(0, 59)} ${rng.int(0, 23)} ${rng.int(1, 28)} * *`,
    () => `${rng.pick(['src', 'lib', 'app'])}/**/*.${rng.pick(['ts', '{ts,tsx}', 'js', 'py'])}`,
    () => `!**/${rng.pick(['node_modules', 'dist', 'build', '.cache'])}/**`,
    () => `*.${rng.pick(['log', 'tmp', 'bak', 'swp'])}`,
  ])();
}

type Kind = 'regex' | 'latex' | 'path' | 'address' | 'table' | 'formula' | 'cron';
const FIELD: Record<Kind, readonly string[]> = {
  regex: ['pattern', 'regex', 'validation', 'match', 'filter_regex'],
  latex: ['answer', 'body', 'message', 'solution', 'comment'],
  path: ['path', 'location', 'file', 'source', 'target_dir'],
  address: ['to', 'cc', 'recipients', 'reply_to'],
  table: ['body', 'comment', 'description', 'message'],
  formula: ['value', 'formula', 'cell', 'expression'],
  cron: ['schedule', 'cron', 'pattern', 'ignore'],
};
const PATHS: Record<Kind, readonly string[]> = {
  regex: ['/api/settings', '/admin/forms/fields', '/api/v1/validators'],
  latex: ['/homework/submit', '/forum/reply', '/api/answers'],
  path: ['/api/files/link', '/api/sync/folders', '/admin/backup'],
  address: ['/api/messages', '/mail/compose', '/api/v1/invites'],
  table: ['/api/comments', '/forum/reply', '/api/issues'],
  formula: ['/api/sheets/cells', '/api/v1/range', '/import/preview'],
  cron: ['/api/jobs', '/admin/scheduler', '/api/settings'],
};

export const techNotation: Family = {
  name: 'tech-notation',
  summary:
    'Notations users and tools type whose punctuation is also attack syntax: validation regexes, LaTeX, Windows paths with %VARS% and UNC shares, address lists with "Last, First" display names, API query operators (Feathers $or[0][…], LoopBack/Parse where={"$gt"…}, Strapi filters[…][$eq], PostgREST), small Markdown tables, spreadsheet formulas, cron lines and globs.',
  perScale: 3_000,
  make(ctx): WireRequest {
    const { rng, en } = ctx;
    const b = pickBrowser(rng, rng.pick(['en_US', 'en_GB', 'de', 'fr', 'nb_NO']));
    const host = webHost(rng, en);
    if (rng.chance(0.2)) {
      const path = rng.pick(['/api/items', '/api/products', '/api/users', '/api/articles', '/items']);
      return { method: 'GET', path, query: encodePairs(operatorQuery(rng), pickQueryStyle(rng)), headers: browserHeaders(rng, b, host, 'xhr', { referer: `https://${host}/`, site: 'same-origin' }) };
    }
    const kind = rng.pick(['regex', 'latex', 'path', 'address', 'table', 'formula', 'cron'] as const);
    const value = { regex, latex, path: windowsPath, address: (r: Rng) => addressList(r, en), table: markdownTable, formula, cron: cronOrGlob }[kind](rng);
    const path = rng.pick(PATHS[kind]);
    const field = rng.pick(FIELD[kind]);
    const headers = browserHeaders(rng, b, host, 'xhr', { referer: `https://${host}${path.replace(/^\/api(?:\/v1)?/, '')}`, origin: `https://${host}`, site: 'same-origin' });
    if (rng.chance(0.6)) return withBody({ method: rng.pick(['POST', 'PUT', 'PATCH']), path, query: '', headers }, 'application/json', JSON.stringify({ [field]: value, ...(rng.chance(0.5) ? { id: rng.int(1, 9999) } : {}) }));
    // A forum or tracker reply with its text as a multipart field (FormData, often beside an attachment).
    if ((kind === 'table' || kind === 'latex') && rng.chance(0.3)) {
      const { body, contentType } = multipartBody(rng, [{ name: field, value }, ...(rng.chance(0.5) ? [{ name: 'attachment', value: rng.alnum(rng.int(40, 200)), filename: `${rng.pick(['notes', 'scan', 'data'])}.txt`, contentType: 'text/plain' }] : [])]);
      return withBody({ method: 'POST', path, query: '', headers }, contentType, body);
    }
    return withBody({ method: 'POST', path, query: '', headers }, 'application/x-www-form-urlencoded', encodePairs([[field, value], ['_token', rng.alnum(40)]]));
  },
};
