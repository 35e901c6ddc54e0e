import { describe, expect, it } from 'vitest';
import { mayCarryAttack } from '../../src/model/screen.js';
import { isFirewallExpression } from '../../src/model/firewall-expression.js';

// Cloudflare Rules expressions as a zone's ruleset saves them (blind benign set 9, read).
const EXPRESSIONS = [
  '(http.request.uri.path contains "/wp-login.php") or (http.request.uri.path contains "/xmlrpc.php" and not ip.src in {198.51.100.0/24})',
  '(http.host eq "old.example.com" and starts_with(http.request.uri.path, "/blog/")) or (http.host eq "example.com" and http.request.uri.path matches "^/news/[0-9]{4}/")',
  'ip.geoip.country in {"CN" "RU"} and cf.threat_score gt 14',
  'concat("https://blog.example.com", substring(http.request.uri.path, 5))',
  'http.request.headers["x-api-key"][0] ne "abc" and http.request.method eq "POST"',
];

// SQL, a quote breakout or a command beside the expression's words.
const NOT_EXPRESSIONS = [
  'x" or a.b eq "1',
  '1 or a.b = 1',
  "a.b eq 'x' or 1=1--",
  'a.b eq "x"; drop table t',
  '(a.b eq "x") union select 1',
  'a.b eq "x" or c.d eq "$(id)"',
  'concat("a", "b")',
  'concat(a.b, char(58))',
  "http.host eq \"x\" or 1=1",
];

describe('isFirewallExpression', () => {
  it.each(EXPRESSIONS)('a rule expression: %s', (text) => {
    expect(isFirewallExpression(text)).toBe(true);
    expect(mayCarryAttack(text)).toBe(false);
  });
  it.each(NOT_EXPRESSIONS)('not one: %s', (text) => {
    expect(isFirewallExpression(text)).toBe(false);
    expect(mayCarryAttack(text)).toBe(true);
  });
});

describe('isFirewallExpression: the dotted field name it needs first', () => {
  it('needs a `.` between two lower-case letters: the same expression without one is none', () => {
    expect(isFirewallExpression('ip.geoip.country in {"CN" "RU"} and cf.threat_score gt 14')).toBe(true);
    expect(isFirewallExpression('IP.Geoip.Country in {"CN" "RU"} and CF.Threat_score gt 14')).toBe(false);
  });

  it('is not one for a long note of sentences (each `.` ends one: no dotted name)', () => {
    const line = 'Day 3: rain in the morning, sun after lunch; walked 18 km along the ridge to the hut.\n';
    expect(isFirewallExpression(line.repeat(47).slice(0, 4096))).toBe(false);
  });
});
