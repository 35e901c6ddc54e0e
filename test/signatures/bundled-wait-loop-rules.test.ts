/**
 * Bundled rule of rev 2026-12-08i: 9000314 rev 4, a time probe after a short value (`"; sleep 5;`) still blocks,
 * and a wait loop's body (`…; do echo "waiting"; sleep 2; done` in a ConfigMap's entrypoint script, blind benign
 * set 5, read) does not: on one shell line a `done` outside a loop is a syntax error, so nothing on it runs.
 * The sleep branch is 9000384's since rev 2026-12-10x (9000314 split for specific prefilter triggers).
 */
import { describe, expect, it } from 'vitest';
import { form, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const configMap = (script: string): string => JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'api-entrypoint' }, data: { 'entrypoint.sh': script } });
const WAIT = '#!/bin/sh\nset -e\nuntil nc -z "$DB_HOST" 5432; do echo "waiting for db"; sleep 2; done\nexec node dist/server.js\n';

const CASES: RuleCase[] = [
  [9000384, 'block', 'a quote closed, then sleep N; in a form value', form('host=x%22%3B+sleep+5%3B'), json(configMap(WAIT))],
  [9000384, 'block', 'sleep N; then another command (d…) in a query value', q("ip=1';sleep%205;date"), q('ip=1%27%3Bsleep%205%3B%20done')],
  [9000384, 'block', 'sleep N; at the end of a JSON value', json('{"host":"127.0.0.1\\";sleep 10;"}'), json(configMap('while true; do curl -fsS http://api:8080/healthz && break; echo "retry"; sleep 5; done'))],
];

describe('bundled rule of rev 2026-12-08i (9000314 rev 4: a wait loop is no time probe)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);

  it('still takes the separator and spacing forms after sleep N that the probes use', () => {
    for (const v of ['x%22%3Bsleep%205%3B%27', "1';sleep 5;'", "1';sleep 5; ls", '1|sleep 5|', "1';sleep%205%23", '1%27%3Bsleep%205%3B%20%20x', "1';sleep 5;%0a", "1';sleep 5;dd"]) {
      expect(hits(q(`ip=${v}`)).map(([sid]) => sid), v).toContain(9000384);
    }
  });
});
