/**
 * Bundled rules of rev 2026-12-17b (issues 14 and 18, session 36, ho36): mechanisms held-out-29's misses showed (read),
 * each written for the class rather than the product and kept only with no benign hit. Each fires on its attack, sent
 * the way such an exploit sends it, and stays quiet on the benign request closest to it: a console's proxy reaching its
 * agent on the loopback as the product does by default, Grafana's datasource proxy by id, an EJB call naming the
 * application's own classes after the same protocol header.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInspection as inspectRaw } from '../../src/inspect/build-inspection.js';
import type { CompiledSignatureGate } from '../../src/signatures/compile/compile-rules.js';
import { bundledGate, BROWSER, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, get, postJson } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

/** A binary body, its bytes as sent (latin1: 0xAC 0xED 0x00 0x05 ...), through the real inspector: the blocking sids. */
function binaryHits(gate: CompiledSignatureGate, url: string, stream: string): number[] {
  const inspection = inspectRaw({
    method: 'POST',
    url,
    httpVersion: '1.1',
    rawHeaders: [...BROWSER, ['Content-Type', 'application/octet-stream']].flat(),
    body: Buffer.from(stream, 'latin1'),
    bodyTruncated: false,
    source: { ip: '203.0.113.9', port: 40000, peerIp: '203.0.113.9' },
  });
  return gate.evaluate(inspection).hits.filter((h) => h.effect === 'block').map((h) => h.sid);
}
const jstr = (s: string): string => `\x00${String.fromCharCode(s.length)}${s}\x12\x34\x56\x78\x9a\xbc\xde\xf0\x02\x00\x01xpsr`;
const EJBD = 'OEJP/4.6\x01\xac\xed\x00\x05sr';

const CASES: RuleCase[] = [
  [9000577, 'block', 'a console proxy path naming the metadata address', get('/hawtio/proxy/169.254.169.254/latest/api/token'), get('/hawtio/proxy/localhost/8778/jolokia/')],
  [9000577, 'block', 'a proxy path with a scheme segment and the metadata host name', get('/console/proxy/http/metadata.google.internal/80/computeMetadata/v1/instance/service-accounts/default/token'), get('/console/proxy/http/127.0.0.1/8778/jolokia/')],
  [9000578, 'block', 'a Jolokia call through a proxy path to a zero-padded loopback', postJson('/actuator/hawtio/proxy/127.000.000.001/9200/jolokia/', '{"type":"exec","mbean":"java.lang:type=Runtime","operation":"getInputArguments","arguments":[]}'), postJson('/actuator/hawtio/proxy/10.0.3.7/8778/jolokia/', '{"type":"read","mbean":"java.lang:type=Memory"}')],
  [9000578, 'block', 'a proxy path to the unspecified address after a scheme segment', get('/hawtio/proxy/http/0/2379/metrics'), get('/api/datasources/proxy/0/api/v1/query?query=up')],
  [9000577, 'block', 'a proxy path to the Alibaba Cloud metadata address', get('/gateway/proxy/100.100.100.200/latest/meta-data/'), get('/gateway/proxy/100.100.100.20/status')],
  [9000578, 'block', 'a proxy path to the loopback as an integer', get('/proxy/2130706433:8500/v1/kv/?recurse'), get('/api/datasources/proxy/12/api/v1/query?query=up')],
];

describe('bundled rules from held-out-29\'s misses (rev 2026-12-17b)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries([...CASES.map(([sid]) => sid), 9001021], rules);

  describe('9001021 rev 4: a Java serialization stream after a short protocol header', () => {
    let gate: CompiledSignatureGate;
    beforeAll(async () => {
      gate = await bundledGate();
    });
    const chain = `${jstr('java.util.PriorityQueue')}${jstr('org.apache.commons.beanutils.BeanComparator')}${jstr('com.sun.org.apache.xalan.internal.xsltc.trax.TemplatesImpl')}t\x00\x06whoamix`;
    it('fires on an EJB-over-HTTP call (OEJP/4.6 and a byte) naming a Beanutils chain', () => {
      expect(binaryHits(gate, '/tomee/ejb', `${EJBD}${chain}`)).toContain(9001021);
    });
    it('fires on the same chain without the header, as rev 3 did', () => {
      expect(binaryHits(gate, '/tomee/ejb', `\xac\xed\x00\x05sr${chain}`)).toContain(9001021);
    });
    it('is quiet on an EJB call naming the application\'s own classes after the same header', () => {
      expect(binaryHits(gate, '/tomee/ejb', `${EJBD}${jstr('org.apache.openejb.client.EJBRequest')}${jstr('com.acme.orders.OrderServiceRemote')}t\x00\x08findByIdx`)).not.toContain(9001021);
    });
    it('is quiet on a header-like text before the magic that is no protocol header (a sentence, not NAME/1.0)', () => {
      expect(binaryHits(gate, '/tomee/ejb', `see attached: ${EJBD.slice(9)}${chain}`)).not.toContain(9001021);
    });
  });
});
