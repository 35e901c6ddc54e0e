import { describe, expect, it } from 'vitest';
import { isLogSearch } from '../../src/model/log-search.js';

// Searches as operators write them in Grafana/Loki, Kibana, Splunk and Datadog, for the strings probes send.
const SEARCHES = [
  '{app="nginx"} |= "/etc/passwd"',
  '{app="php-fpm", namespace="prod"} |= "/etc/passwd" | json | status >= 500',
  'sum by (status) (count_over_time({app="api"} |= "/.git/config" [5m]))',
  '{job="varlogs"} |~ "error|timeout" != "healthz" | logfmt',
  'message:"/etc/passwd" AND kubernetes.container.name:nginx',
  'url.original:"/wp-login.php" AND NOT source.ip:10.0.0.1',
  'level:(error OR warn) AND service:api',
  'search index=main sourcetype=access_combined "/etc/passwd" | stats count by clientip | sort -count',
  'search index=web sourcetype=nginx:plus:access "/.git/config" | stats count by clientip | sort -count',
  'service:api @http.url_details.path:"/etc/passwd" status:error',
  // Blind benign sets 5 and 7 (read): KQL in lower case with a wildcard around a quoted traversal and a CIDR, Datadog's
  // escaped and encoded wildcard terms with a negated facet, an EQL detection query with `in (…)` lists.
  'url.path : "/etc/passwd" or url.path : *"../"* and not source.ip : 10.0.0.0/8',
  '@http.url_details.path:*\\/etc\\/passwd* OR @http.url_details.queryString.file:*..%2F* -@network.client.ip:10.*',
  'process where event.type == "start" and process.parent.name in ("nginx", "httpd", "php-fpm", "w3wp.exe") and process.name in ("sh", "bash", "cmd.exe", "whoami", "id")',
  // Blind benign set 17 (read): patent search with proximity operators joining groups, a classification group and a date.
  '(battery OR cell) ADJ3 (thermal NEAR5 runaway) AND CPC=(H01M10/48 OR H01M50/20) AND PD>=20180101',
  'TAC:(lidar w/5 (solid-state OR MEMS)) AND assignee:"Example Robotics"',
  'status:open AND (priority:high OR label:"needs triage")',
];

// Injections into a search field, and values that are no log search: a path alone, words, a tautology, a
// breakout, a template, an LDAP filter, a stage that runs something.
const NOT_SEARCHES = [
  '/etc/passwd',
  '"/etc/passwd"',
  'connection refused',
  "x' or 1=1--",
  'x" OR "1"="1',
  '1 AND 1=1',
  'x OR x=x',
  '{{7*7}}',
  '${jndi:ldap://x.example/a}',
  '*)(uid=*))(|(uid=*',
  'admin)(|(password=*)',
  'a | cat /etc/passwd',
  '"/etc/passwd" | runshellscript x',
  'search "x" | script python y',
  'index=main | eval x=1',
  'q:"../../etc/passwd"',
  'file:/etc/passwd AND x:y',
  'a;id',
  '<script>alert(1)</script>',
  '{app="x"} |= "a" | line_format "{{.x}}"',
  'a:1 union select password from users',
  "message:\"a\" AND user:'admin'",
  'message:"a"\nAND x:y',
  'message:"a" AND x:$(id)',
  // The shared corpora's probes that a first version read as one `name:value` term (a scheme, a chain, a call).
  'http:0xd83ad6ce',
  'http:www.whitelisteddomain.tld@0xd8.0x3a.0xd6.0xce',
  'https:google.com',
  'javascript:alert(1)',
  'style=xss:expression(alert(1))',
  '%0D%0ASet-cookie:crlf=injection',
  'Set-cookie:crlf=injection',
  'c:windowswin.ini',
  // A literal's content is outside the quotes of a shell command, a MySQL string or a script built around the search
  // (`grep "$q"`, `LIKE "%$q%"`): a pipe, a boolean or SQL word, a call, or a space at its edge makes it no literal.
  '{job="x"} |~ "a|cat /etc/passwd"',
  'x "| cat /etc/passwd " AND y',
  'x" | tail -n1 /etc/passwd "AND y',
  'x "|sleep 5|" AND y:z',
  'x "OR 1=1 OR" y AND z',
  'msg:"x" AND user:"a OR 1=1 OR b"',
  'x "or sleep(5) or" y AND z',
  'a:"x" and b:"*alert(1)*"',
  'a:"x" and b:"in alert(1) in"',
  'process where x in ("a") and system("id")',
  'a:b and c in (select password from users)',
  'process where process.name in ("a") and x == "b" | id',
  'message:"x" AND y:*;id*',
  'x:"a" and y:$(id)',
  // A traversal is searched for between wildcards; a literal or a term that is one is a probe's.
  'message:"../../../../etc/passwd" AND host.name:api',
  'a:b AND c:x/../../etc/passwd',
  // A group after a joining operator is still read term by term: a call, a SQL word, a number compared, a tautology.
  'a:b AND (sleep(5))',
  'a:b OR (select password from users)',
  'a:b ADJ3 (1=1)',
  'a:b NEAR5 (x=x)',
  'a:b AND (ascii(substr(user,1,1))>64)',
  'x:y W/5 (a:javascript:alert(1))',
];

describe('isLogSearch', () => {
  it.each(SEARCHES)('reads %s as a log search', (s) => {
    expect(isLogSearch(s)).toBe(true);
  });

  it.each(NOT_SEARCHES)('does not read %s as one', (s) => {
    expect(isLogSearch(s)).toBe(false);
  });
});
