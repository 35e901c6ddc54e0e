/**
 * Benign values that pass the lexical screen and look a little like attacks: names and prose with
 * apostrophes and quotes, English that says select/union/drop/order by, rich-text HTML, paths,
 * arithmetic and comparisons, passwords full of symbols, search syntax, header-shaped values, JSON
 * text, code in comment fields. They teach the model that quotes and keywords are not attacks
 * without the grammar around them. Written here (no faker: src/ must not need dev dependencies).
 */
import { seededRandom } from '../prng.js';

type Random = () => number;

const FIRST = ['Sean', 'Mary', 'Liam', 'Aoife', 'Pierre', 'Anna', 'José', 'Chloé', 'Kenji', 'Fatima', 'Olu', 'Zoë', 'Björn', 'Priya', 'Mateo'];
const APOSTROPHE_LAST = ["O'Brien", "O'Neil", "D'Angelo", "O'Connor", "D'Souza", "L'Amour", "McDonald's", "O'Reilly", "Dell'Acqua", "N'Diaye"];
const NOUNS = ['table', 'order', 'file', 'user', 'group', 'union', 'update', 'version', 'script', 'window', 'document', 'shadow', 'cookie', 'schema', 'values', 'character', 'system', 'command', 'echo', 'sleep'];
const VERBS = ['select', 'drop', 'insert', 'delete', 'update', 'create', 'alter', 'execute', 'print', 'sleep', 'cat', 'ping', 'echo', 'set', 'load', 'union'];
const PLACES = ['the list', 'your profile', 'the basket', 'the menu', 'the form below', 'the drop-down', 'settings', 'the table', 'the group'];
const TAGS = ['p', 'b', 'i', 'em', 'strong', 'u', 'li', 'h2', 'h3', 'blockquote', 'code', 'span', 'div', 'small'];
const DOMAINS = ['example.com', 'shop.example.org', 'cdn.example.net', 'docs.example.io', 'news.example.co.uk'];
const WORDS = ['great', 'price', 'size', 'colour', 'delivery', 'thanks', 'works', 'fast', 'quality', 'love', 'return', 'gift', 'recipe', 'garden', 'weekend', 'meeting', 'invoice', 'ticket', 'team', 'report'];

function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)];
}

function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function words(random: Random, n: number): string {
  return Array.from({ length: n }, () => pick(WORDS, random)).join(' ');
}

function password(random: Random): string {
  const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#$%^&*()-_=+[]{};:,.<>?/|~';
  let out = '';
  const len = int(random, 8, 24);
  for (let i = 0; i < len; i++) out += chars[Math.floor(random() * chars.length)];
  return out;
}

function base64ish(random: Random, len: number): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < len; i++) out += chars[Math.floor(random() * chars.length)];
  return out + '='.repeat(int(random, 0, 2));
}

const PARAM_KEYS = ['q', 'id', 'ref', 'utm_source', 'utm_medium', 'hl', 'lang', 'page', 'sort', 'client', 'source', 'sa', 'ei', 'ved', 'tbm', 'start', 'oe', 'ie', 'v', 'fbclid', 'gclid', 'session', 'token', 'redirect_uri', 'return_to', 'next', 'callback', 'state', 'scope', 'code', 'filter[price][min]', 'tags[]', 'search', 'format', 'width', 'bih', 'biw'];

function paramValue(r: Random): string {
  switch (Math.floor(r() * 8)) {
    case 0:
      return String(int(r, 0, 99999));
    case 1:
      return words(r, int(r, 1, 4)).replace(/ /g, pick(['+', '%20', '-'], r));
    case 2:
      return base64ish(r, int(r, 8, 40)).replace(/[+/=]/g, pick(['_', '-', ''], r));
    case 3:
      return `${pick(['http', 'https'], r)}%3A%2F%2F${pick(DOMAINS, r)}%2F${pick(WORDS, r)}`;
    case 4:
      return pick(['en', 'fr', 'UTF-8', 'safari', 'isch', 'N', 'X', 'lnms', 'desc', 'json', 'true', 'false'], r);
    case 5:
      return `${pick(WORDS, r)}.${pick(['com', 'org', 'net'], r)}`;
    case 6:
      return '';
    default:
      return `${int(r, 0, 9)}${pick(['CAkQ_AUoAA', 'ahUKEwi', 'QEEBU7uh', 'wpIBU9imH'], r)}${int(r, 0, 99)}`;
  }
}

function queryString(r: Random): string {
  const n = int(r, 1, 12);
  return Array.from({ length: n }, () => `${pick(PARAM_KEYS, r)}=${paramValue(r)}`).join('&');
}

const BOTS = ['Googlebot/2.1', 'bingbot/2.0', 'Feedfetcher-Google', 'YandexBot/3.0', 'AhrefsBot/7.0', 'DuckDuckBot/1.1', 'Baiduspider/2.0', 'facebookexternalhit/1.1', 'Slackbot-LinkExpanding 1.0', 'Twitterbot/1.0'];

const TEMPLATES: ReadonlyArray<(r: Random) => string> = [
  (r) => `${pick(['http', 'https'], r)}://${pick(['www.google.com', 'www.bing.com', 'duckduckgo.com', 'www.google.co.uk', 'search.yahoo.com', ...DOMAINS], r)}/${pick(['search', 'url', 'images/search', 'm', 'results', pick(WORDS, r)], r)}?${queryString(r)}`,
  (r) => `${pick(['http', 'https'], r)}://${pick(DOMAINS, r)}/${pick(WORDS, r)}/${int(r, 1, 999)}${pick(['.html', '.php', '', '/'], r)}?${queryString(r)}`,
  (r) => queryString(r),
  (r) => `/${pick(WORDS, r)}/${pick(WORDS, r)}?${queryString(r)}`,
  (r) => `Mozilla/5.0 (compatible; ${pick(BOTS, r)}; +http://www.${pick(DOMAINS, r)}/bot.html)`,
  (r) => `${pick(BOTS, r)}; (+http://www.${pick(DOMAINS, r)}/${pick(WORDS, r)}.html; ${int(r, 1, 40)} subscribers; feed-id=${int(r, 1e9, 9e9)}${int(r, 1e8, 9e8)})`,
  (r) => `${pick(['Apache-HttpClient', 'Jersey', 'ReactorNetty', 'Java-http-client', 'Dalvik', 'CFNetwork', 'Faraday', 'GuzzleHttp', 'libwww-perl', 'Ruby', 'node-fetch', 'Dart'], r)}/${int(r, 1, 9)}.${int(r, 0, 20)}${pick(['', `.${int(r, 0, 30)}`], r)} (${pick(['Java', 'Linux', 'Darwin', 'dart:io', 'Python', 'PHP', 'Ruby'], r)}/${int(r, 1, 21)}.${int(r, 0, 9)}${pick(['', `.${int(r, 0, 9)}`], r)})`,
  (r) => `${pick(['curl', 'Wget', 'python-requests', 'Go-http-client', 'okhttp', 'axios', 'PostmanRuntime'], r)}/${int(r, 1, 9)}.${int(r, 0, 30)}.${int(r, 0, 9)} (${pick(['linux-gnu', 'Windows NT 10.0; Win64; x64', 'darwin'], r)})`,
  (r) => `${pick(FIRST, r)} ${pick(APOSTROPHE_LAST, r)}`,
  (r) => `${pick(APOSTROPHE_LAST, r)}, ${pick(FIRST, r)}`,
  (r) => `${int(r, 1, 999)} ${pick(APOSTROPHE_LAST, r).replace("'", "'")} St, Apt #${int(r, 1, 40)}`,
  (r) => `Please ${pick(VERBS, r)} the ${pick(NOUNS, r)} from ${pick(PLACES, r)} and click "Save".`,
  (r) => `I can't ${pick(VERBS, r)} my ${pick(NOUNS, r)} - it says "error ${int(r, 100, 599)}"; any idea?`,
  (r) => `It's ${words(r, 2)}, isn't it? I'd say ${int(r, 1, 10)}/10 (would ${pick(VERBS, r)} again)!`,
  (r) => `"${words(r, 3)}" - ${pick(FIRST, r)}'s ${pick(NOUNS, r)}`,
  (r) => `${pick(VERBS, r)} ${pick(NOUNS, r)} where ${words(r, 2)} and ${words(r, 1)} or ${words(r, 1)}`,
  (r) => `order by ${pick(['price', 'date', 'name', 'rating'], r)} (${pick(['asc', 'desc', 'low to high'], r)})`,
  (r) => `the union of ${pick(NOUNS, r)}s and ${pick(NOUNS, r)}s; select all that apply`,
  (r) => `Drop me a line at ${pick(FIRST, r).toLowerCase()}@${pick(DOMAINS, r)} or call (${int(r, 200, 999)}) ${int(r, 200, 999)}-${int(r, 1000, 9999)}`,
  (r) => `<${pick(TAGS, r)}>${words(r, 4)}</${pick(TAGS, r)}>`,
  (r) => `<p>${words(r, 3)} <a href="https://${pick(DOMAINS, r)}/${pick(WORDS, r)}?id=${int(r, 1, 9999)}&amp;ref=${pick(WORDS, r)}">${words(r, 2)}</a></p>`,
  (r) => `<p><img src="https://${pick(DOMAINS, r)}/img/${int(r, 1, 999)}.jpg" alt="${words(r, 2)}"><br>${words(r, 5)}</p>`,
  (r) => `<ul><li>${words(r, 2)}</li><li>${words(r, 3)}</li></ul>`,
  (r) => `<div class="${pick(WORDS, r)}"><span style="color:#${int(r, 0x100000, 0xffffff).toString(16)}">${words(r, 3)}</span></div>`,
  (r) => `**${words(r, 2)}** _${words(r, 1)}_ [link](https://${pick(DOMAINS, r)}/${pick(WORDS, r)}) \`${pick(NOUNS, r)}\``,
  (r) => `/home/${pick(FIRST, r).toLowerCase()}/documents/${pick(WORDS, r)}-${int(r, 1, 99)}.pdf`,
  (r) => `C:\\Users\\${pick(FIRST, r)}\\Documents\\${pick(WORDS, r)} (${int(r, 1, 9)}).docx`,
  (r) => `${int(r, 1, 99)} > ${int(r, 1, 99)} and ${int(r, 1, 99)} < ${int(r, 100, 200)}`,
  (r) => `${int(r, 1, 99)} * ${int(r, 1, 99)} = ${int(r, 1, 9999)}`,
  (r) => `${int(r, 5, 70)}% off ${pick(WORDS, r)}s & ${pick(WORDS, r)}s!`,
  (r) => `$${int(r, 1, 999)}.${int(r, 10, 99)} (was $${int(r, 1, 999)})`,
  (r) => pick(['AT&T', 'Q&A', 'R&D', 'Tom & Jerry', 'Marks & Spencer', 'C++ / C#', 'Rock & Roll', 'B&Q', 'H&M', 'P&G'], r),
  (r) => `#${pick(WORDS, r)} #${pick(WORDS, r)}${int(r, 1, 2030)}`,
  (r) => password(r),
  (r) => password(r),
  (r) => base64ish(r, int(r, 16, 120)),
  (r) => `Bearer eyJ${base64ish(r, 30).replace(/[+/=]/g, 'x')}.${base64ish(r, 60).replace(/[+/=]/g, 'y')}.${base64ish(r, 40).replace(/[+/=]/g, '_')}`,
  (r) => `"${words(r, 2)}" -${pick(WORDS, r)} site:${pick(DOMAINS, r)}`,
  (r) => `(${pick(WORDS, r)} OR ${pick(WORDS, r)}) AND NOT ${pick(WORDS, r)}`,
  (r) => `{"${pick(NOUNS, r)}":${int(r, 0, 999)},"${pick(WORDS, r)}":"${words(r, 2)}","tags":["${pick(WORDS, r)}","${pick(WORDS, r)}"]}`,
  (r) => `[${int(r, 0, 9)},${int(r, 0, 99)},${int(r, 0, 999)}]`,
  (r) => `${pick(WORDS, r)}=${int(r, 0, 99)}; ${pick(NOUNS, r)}=${pick(WORDS, r)}; _ga=GA1.2.${int(r, 1e8, 9e8)}.${int(r, 1e9, 2e9)}`,
  (r) => `W/"${int(r, 0x10000, 0xfffff).toString(16)}-${base64ish(r, 12).replace(/[+/=]/g, 'q')}"`,
  (r) => `multipart/form-data; boundary=----WebKitFormBoundary${base64ish(r, 16).replace(/[+/=]/g, 'Z')}`,
  (r) => `bytes=${int(r, 0, 1000)}-${int(r, 1001, 99999)}`,
  (r) => `if (${pick(NOUNS, r)}.length > ${int(r, 0, 9)}) { return ${pick(NOUNS, r)}[0]; }`,
  (r) => `const ${pick(NOUNS, r)} = await fetch('/api/${pick(NOUNS, r)}s?page=${int(r, 1, 9)}');`,
  (r) => `Meet at ${int(r, 1, 12)}pm (bring ${pick(WORDS, r)}s); don't be late!`,
  (r) => `Café «${words(r, 2)}» — naïve déjà vu, ${int(r, 1, 31)}°C ☀️`,
  (r) => `${pick(FIRST, r)} said: 'the ${pick(NOUNS, r)} is ${pick(WORDS, r)}' -- and then left.`,
  (r) => `${words(r, 3)}... (see p. ${int(r, 1, 300)}) [${int(r, 1, 40)}]`,
  (r) => `Size: ${int(r, 6, 14)}" x ${int(r, 6, 14)}" (${int(r, 15, 35)} cm); weight ${int(r, 1, 9)} lbs`,
  (r) => `Re: ${words(r, 3)}? -> ${words(r, 2)} => ok`,
  (r) => `${pick(FIRST, r)} <${pick(FIRST, r).toLowerCase()}@${pick(DOMAINS, r)}>`,
  (r) => `https://${pick(DOMAINS, r)}/${pick(WORDS, r)}/${int(r, 1, 9999)}?utm_source=${pick(WORDS, r)}&utm_campaign=${pick(WORDS, r)}-${int(r, 2020, 2026)}#${pick(WORDS, r)}`,
  (r) => `ORDER-${int(r, 10000, 99999)} | ${words(r, 2)} | qty: ${int(r, 1, 9)}`,
  (r) => `${pick(VERBS, r)} * from the ${pick(NOUNS, r)}; ${pick(VERBS, r)} it again`,
  (r) => `echo "${words(r, 2)}"`,
  // Paths, commands and templates as everyday prose, docs and project files: the counterweight to
  // the attack grammar's absolute paths, command separators and template expressions.
  (r) => `${pick(['Edit', 'Check', 'Open', 'Back up', 'Look at'], r)} ${pick(['/etc/hosts', '/etc/nginx/nginx.conf', '/etc/fstab', '/var/log/syslog', '~/.bashrc', '/etc/ssh/sshd_config', 'php.ini', 'my.cnf'], r)} ${pick(['and restart the service', 'before the upgrade', 'to add the new entry', 'if the ' + pick(NOUNS, r) + ' fails', 'on the staging box'], r)}.`,
  (r) => `Logs are in ${pick(['/var/log/nginx/', '/var/log/apache2/error.log', '/opt/app/logs/', 'C:\\inetpub\\logs\\LogFiles', '~/Library/Logs/'], r)} (${words(r, 2)}).`,
  (r) => `${pick(['src', 'lib', 'app', 'docs', 'test', 'packages/core/src', 'scripts', 'config'], r)}/${pick(WORDS, r)}${pick(['', `/${pick(NOUNS, r)}`], r)}.${pick(['ts', 'tsx', 'js', 'py', 'go', 'rs', 'md', 'json', 'yml', 'conf', 'ini', 'sh', 'log', 'css'], r)}`,
  (r) => `/home/${pick(FIRST, r).toLowerCase()}/${pick(['projects', 'code', 'work', 'src'], r)}/${pick(WORDS, r)}/${pick(['README.md', 'package.json', 'main.py', 'index.ts', 'config.yml', 'app.log', 'settings.ini'], r)}`,
  (r) => `${pick(['/Users/', 'D:\\Projects\\', '/srv/www/', '/var/www/', '/opt/'], r)}${pick(WORDS, r)}${pick(['/public/index.html', '/current/log/production.log', '\\site\\web.config', '/htdocs/', '/releases/' + int(r, 1, 99)], r)}`,
  (r) => `${pick(['run', 'try', 'then'], r)} \`${pick(['npm install && npm test', 'pip install -r requirements.txt', 'git pull; git status', 'docker compose up -d', 'make && make install', 'cargo build --release', 'ls -la ~/Downloads', 'cat package.json | jq .version', 'sudo systemctl restart nginx', 'ping 8.8.8.8', 'ipconfig /all', 'brew install wget'], r)}\` ${pick(['and it works', 'first', 'on your machine', 'to reproduce'], r)}`,
  (r) => `Hi {{${pick(['first_name', 'name', 'user.name', 'customer.firstName'], r)}}}, your order {{${pick(['order.id', 'order_number', 'orderId'], r)}}} ${pick(['ships', 'arrives', 'was updated'], r)} {{${pick(['ship_date', 'date', 'eta'], r)}}}.`,
  (r) => `{{#each ${pick(NOUNS, r)}s}}<li>{{this.${pick(['name', 'title', 'label'], r)}}}</li>{{/each}}`,
  (r) => `const msg = \`${pick(['Hello', 'Welcome back', 'Total'], r)} \${${pick(['user.name', 'name', 'count', 'total.toFixed(2)'], r)}}\`;`,
  (r) => `${pick(['Redirecting to', 'Return to', 'Continue at'], r)} ${pick(['/account/settings', '/checkout?step=2', '/dashboard#billing', 'https://app.example.com/callback', '/en/help/articles/' + int(r, 100, 9999), '../index.html', './next-page'], r)}`,
  (r) => `${pick(['ping me', 'sleep on it', 'cat pictures', 'net worth', 'type faster', 'dir. by ' + pick(FIRST, r), 'set up', 'id card'], r)} ${words(r, 2)}; ${pick(['thanks!', 'see you', 'ok?', '(soon)'], r)}`,
  (r) => `${pick(['https://', 'http://'], r)}${pick(['192.168.', '10.0.', '172.16.'], r)}${int(r, 0, 255)}.${int(r, 1, 254)}:${pick(['8080', '3000', '443', '9000'], r)}/${pick(['admin', 'api/health', 'login', ''], r)}`,
  (r) => `${pick(['http', 'https'], r)}://${pick(['localhost', '127.0.0.1', '0.0.0.0', '[::1]', 'host.docker.internal'], r)}:${pick(['3000', '5173', '8000', '8080', '4200', '9090'], r)}/${pick(['', 'auth/callback', 'admin', 'api/v1/items', 'oauth/redirect', 'docs'], r)}`,
  // Forum and CMS URLs (as Referer or link values): words attack lists are full of (phpbb, members,
  // user_id, wp-admin) in the URLs real sites have, without the injection that follows them there.
  (r) => `${pick(['http', 'https'], r)}://${pick(['www.', 'forum.', 'community.', ''], r)}${pick(WORDS, r)}${pick(['forums', 'board', 'net', ''], r)}.${pick(['net', 'com', 'org', 'de'], r)}/${pick([`phpBB2/viewtopic.php?t=${int(r, 1, 99999)}`, `phpBB3/viewtopic.php?f=${int(r, 1, 99)}&t=${int(r, 1, 99999)}`, `forum/viewtopic.php?p=${int(r, 1, 999999)}`, `showthread.php?t=${int(r, 1, 99999)}`, `index.php?topic=${int(r, 1, 9999)}.0`, `viewforum.php?f=${int(r, 1, 99)}`, `index.php?option=com_content&view=article&id=${int(r, 1, 999)}&Itemid=${int(r, 1, 99)}`, `wp-admin/post.php?post=${int(r, 1, 9999)}&action=edit`, `members/profile.php?user_id=${int(r, 1, 9999)}`, `memberlist.php?mode=viewprofile&u=${int(r, 1, 9999)}`, `admin/users.php?page=${int(r, 1, 40)}&sort=username`], r)}${pick(['', `&sid=${int(r, 0x10000000, 0x7fffffff).toString(16)}${int(r, 0x10000000, 0x7fffffff).toString(16)}${int(r, 0x10000000, 0x7fffffff).toString(16)}`, `&start=${int(r, 0, 20) * 15}`, `&highlight=${pick(WORDS, r)}`, `#p${int(r, 1, 999999)}`], r)}`,
  // Street, place and company names that are SQL or shell words.
  (r) => `${int(r, 1, 9999)} ${pick(['Union', 'Select', 'Order', 'Group', 'Union Square', 'Drop', 'Table Rock', 'Cat Hollow', 'Sleepy Hollow', 'Echo Lake', 'Union Station'], r)} ${pick(['St', 'Street', 'Ave', 'Road', 'Rd', 'Lane', 'Blvd', 'Way', 'Court', ''], r)}`.trim(),
  (r) => `${pick(['First', 'Navy Federal', 'Teachers', 'Community', 'State Employees', pick(APOSTROPHE_LAST, r)], r)} ${pick(['Credit Union', 'Union Bank', 'Trade Union', 'Select Insurance', 'Order of Engineers'], r)}`,
  // Build files and code with ./... patterns, SQL builders and shell-ish make targets.
  (r) => `${pick(['build', 'test', 'lint', 'release'], r)}:\n\t${pick(['go build -o bin/app ./cmd/app', 'go test ./... -race', 'go vet ./...', 'npm run build && npm test', 'cargo test --all', 'pytest -q tests/'], r)}`,
  (r) => `const rows = await ${pick(['knex', 'db', 'trx'], r)}('${pick(NOUNS, r)}s').where('${pick(['status', 'type', 'state'], r)}', '${pick(WORDS, r)}').select('id', '${pick(NOUNS, r)}');`,
  (r) => `${pick(['Class', 'Interface', 'Module', 'Namespace'], r)}: ${pick(['WebSocket', 'EventEmitter', 'Buffer', 'URLSearchParams', 'AbortController', 'ReadableStream'], r)}\n`,
  // GraphQL introspection (GraphiQL, Apollo, codegen): double-underscore names that are not a template's object walk.
  (r) => `query ${pick(['IntrospectionQuery', 'Introspection', 'GetSchema', ''], r)} { __schema { ${pick(['queryType { name }', 'mutationType { name }', 'subscriptionType { name }', 'types { ...FullType }', 'directives { name description locations args { ...InputValue } }', 'types { name kind fields { name } }'], r)} ${pick(['', 'types { name }', 'queryType { name }'], r)} } }`,
  (r) => `query { __type(name: "${pick(NOUNS, r).replace(/^./, (c) => c.toUpperCase())}") { name kind fields { name type { name kind ofType { name kind } } } } }`,
  (r) => `{ ${pick(NOUNS, r)}s(first: ${int(r, 1, 50)}) { __typename id ${pick(WORDS, r)} } }`,
  () => `fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name } } }`,
  // Sort clauses and SQL-word questions as search boxes, report builders and sort fields send them: a
  // clause that starts the value, names a column or ordinal and ends in a direction is a sort, not the
  // `<number> order by <n>` column probe of an injection. (Added 2026-12-04: every payload-v1.3
  // candidate trained with them passed `ORDER+BY+1+DESC` and `order+by+date+not+working`, which
  // payload-v1.2 scores 0.999 and 0.953.)
  (r) => `${pick(['ORDER BY', 'order by', 'Order By', 'ORDER  BY', 'sort by', 'SORT BY'], r)} ${pick(['1', '2', '3', 'created_at', 'updated_at', 'name', 'price', 'total', 'id', 'last_login', 'score', 'rank'], r)} ${pick(['DESC', 'ASC', 'desc', 'asc', ''], r)}`.trim(),
  (r) => `${pick(['ORDER BY', 'order by', 'GROUP BY', 'group by'], r)} ${pick(['1, 2', '2 DESC, 1', 'region, month', 'customer_id, order_date DESC', 'date_trunc(\'week\', created_at)', 'category ASC, price DESC'], r)}`,
  (r) => `${pick(['order by', 'group by', 'sort by', 'select distinct', 'left join', 'union all', 'inner join', 'having count'], r)} ${pick(['date', 'month', 'two columns', 'null values', 'multiple fields', 'alias', 'case when', 'row number'], r)} ${pick(['not working', 'example', 'vs where', 'in postgres', 'mysql', 'excel', 'pandas', 'performance', 'syntax error', 'returns duplicates', ''], r)}`.trim(),
  (r) => `${pick(['how to', 'why does', 'can I', 'best way to'], r)} ${pick(['order by', 'group by', 'select', 'union', 'drop', 'delete from', 'update'], r)} ${pick(['a column', 'two tables', 'the latest row', 'by date', 'in a view', 'with a limit', 'without a key'], r)}${pick(['?', '', ' in sql', ' (postgres)'], r)}`,
  (r) => `${pick(['sort', 'orderBy', 'order', 'sort_by'], r)}: ${pick(['-created_at', 'price asc', 'name,-date', 'score desc, id asc', '1 desc'], r)}`,
  (r) => `${pick(['Files are under', 'Uploaded to', 'Saved in', 'See'], r)} ${pick(['/mnt/data/', '/srv/share/', '/media/usb/', '/data/exports/', '/tmp/uploads/'], r)}${pick(WORDS, r)}-${int(r, 1, 99)}.${pick(['csv', 'pdf', 'log', 'zip'], r)}`,
];

/** Deterministic hard-benign values for a seed, ~`count` of them. */
export function hardBenignTexts(seed: number, count = 10000): { text: string; category: string }[] {
  const random = seededRandom(seed ^ 0x5eed);
  const out: { text: string; category: string }[] = [];
  for (let i = 0; i < count; i++) out.push({ text: TEMPLATES[i % TEMPLATES.length](random), category: 'hard-benign' });
  return out;
}
