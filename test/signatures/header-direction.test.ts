import { describe, expect, it } from 'vitest';
import { namedNetworkSide } from '../../src/signatures/header-direction.js';
import { parseRuleFile } from '../../src/signatures/parse-rule-file.js';
import { defaultVariables } from '../../src/signatures/variables.js';
import { countOutbound, countStatuses } from '../../src/signatures/report.js';
import { isHttpRequestRuleText } from '../../src/signatures/http-rule-census.js';

const entriesOf = (text: string, servedPorts: readonly number[] = [8000, 80]) =>
  parseRuleFile(text, { file: 'test.rules', variables: defaultVariables(), servedPorts }).entries;
const entryOf = (text: string, servedPorts?: readonly number[]) => entriesOf(text, servedPorts)[0];

describe('which networks an address spec names', () => {
  const v = defaultVariables();
  it.each([
    ['$EXTERNAL_NET', 'outside'],
    ['!$HOME_NET', 'outside'],
    ['[$EXTERNAL_NET,!203.0.113.9]', 'outside'],
    ['[!$HOME_NET,!10.0.0.0/8]', 'outside'],
    ['$HOME_NET', 'home'],
    ['$HTTP_SERVERS', 'home'],
    ['[$HOME_NET,$HTTP_SERVERS]', 'home'],
    ['!$EXTERNAL_NET', 'home'],
    ['any', 'other'],
    ['[$HOME_NET,$EXTERNAL_NET]', 'other'],
    ['192.0.2.0/24', 'other'],
  ])('%s is %s', (spec, side) => {
    expect(namedNetworkSide(spec, v)).toBe(side);
  });

  it('reads the names, not the values: both default to any for a proxy', () => {
    expect(v.get('HOME_NET')).toBe('any');
    expect(v.get('EXTERNAL_NET')).toBe('any');
  });
});

describe('rules for requests leaving the protected network are skipped at import', () => {
  it('skips ET 2013926 (HTTP POST to port 443 of $EXTERNAL_NET), which fired on every POST', () => {
    const entry = entryOf(
      'alert http $HOME_NET any -> $EXTERNAL_NET 443 (msg:"ET POLICY HTTP traffic on port 443 (POST)"; flow:to_server,established; http.method; content:"POST"; sid:2013926; rev:10;)',
    );
    expect(entry).toMatchObject({ status: 'skipped', code: 'WARDEN_SIGNATURES_OUTBOUND', sid: 2013926 });
    expect(entry.reason).toContain('$EXTERNAL_NET');
  });

  it.each([
    'alert tcp $HOME_NET any -> $EXTERNAL_NET $HTTP_PORTS (msg:"client check-in"; flow:to_server,established; content:"/gate.php"; http_uri; sid:1;)',
    'alert http $HOME_NET any -> !$HOME_NET any (msg:"x"; content:"/gate.php"; http_uri; sid:1;)',
    'alert http any any -> $EXTERNAL_NET any (msg:"x"; content:"/gate.php"; http_uri; sid:1;)',
    'alert http $EXTERNAL_NET any <> $EXTERNAL_NET any (msg:"x"; content:"/gate.php"; http_uri; sid:1;)',
  ])('skips %s', (text) => {
    expect(entryOf(text)).toMatchObject({ status: 'skipped', code: 'WARDEN_SIGNATURES_OUTBOUND' });
  });

  it.each([
    'alert http $EXTERNAL_NET any -> $HTTP_SERVERS any (msg:"x"; content:"/cgi-bin/x"; http_uri; sid:1;)',
    'alert http any any -> [$HOME_NET,$HTTP_SERVERS] any (msg:"x"; content:"/cgi-bin/x"; http_uri; sid:1;)',
    'alert tcp $EXTERNAL_NET any -> $HOME_NET $HTTP_PORTS (msg:"x"; content:"/cgi-bin/x"; http_uri; sid:1;)',
    'alert http any any -> any any (msg:"x"; content:"/cgi-bin/x"; http_uri; sid:1;)',
    // A client inside the protected network attacking one of its servers is still a request Warden may see.
    'alert http $HOME_NET any -> any any (msg:"x"; content:"/cgi-bin/x"; http_uri; sid:1;)',
    // `<>` also describes $EXTERNAL_NET -> $HOME_NET.
    'alert http $HOME_NET any <> $EXTERNAL_NET any (msg:"x"; content:"/cgi-bin/x"; http_uri; sid:1;)',
    'alert http (msg:"x"; http_uri; content:"/cgi-bin/x"; sid:1;)',
  ])('keeps %s', (text) => {
    expect(['accepted', 'warning']).toContain(entryOf(text).status);
  });

  it('counts the outbound rules among the skipped ones in the report', () => {
    const entries = entriesOf(
      [
        'alert http $HOME_NET any -> $EXTERNAL_NET any (msg:"a"; content:"/gate.php"; http_uri; sid:1;)',
        'alert udp any any -> any 53 (msg:"b"; content:"x"; sid:2;)',
        'alert http $EXTERNAL_NET any -> $HOME_NET any (msg:"c"; content:"/cgi-bin/x"; http_uri; sid:3;)',
      ].join('\n'),
    );
    expect(countStatuses(entries)).toMatchObject({ accepted: 1, skipped: 2 });
    expect(countOutbound(entries)).toBe(1);
  });

  it('leaves outbound rules out of the HTTP request-side census the acceptance rate is measured on', () => {
    expect(isHttpRequestRuleText('alert http $HOME_NET any -> $EXTERNAL_NET any (content:"/gate.php"; http_uri; sid:1;)')).toBe(false);
    expect(isHttpRequestRuleText('alert http $EXTERNAL_NET any -> $HOME_NET any (content:"/x"; http_uri; sid:1;)')).toBe(true);
  });
});

describe('destination ports are honoured for HTTP rules against the ports Warden serves', () => {
  const activeMq = 'alert http $EXTERNAL_NET any -> $HOME_NET 8161 (msg:"x"; http.uri; content:"/admin/test"; sid:1;)';

  it('skips a rule for a service on a port Warden does not serve', () => {
    const entry = entryOf(activeMq, [8000, 80]);
    expect(entry).toMatchObject({ status: 'skipped', code: 'WARDEN_SIGNATURES_NOT_HTTP' });
    expect(entry.reason).toContain('8161');
  });

  it('loads the same rule when Warden serves that port', () => {
    expect(entryOf(activeMq, [8161, 80]).status).toBe('accepted');
  });

  it('loads $HTTP_PORTS and any, and a list holding a served port', () => {
    for (const ports of ['$HTTP_PORTS', 'any', '[8000,8443]', '[$HTTP_PORTS,7547]']) {
      const text = `alert http $EXTERNAL_NET any -> $HOME_NET ${ports} (msg:"x"; http.uri; content:"/x"; sid:1;)`;
      expect(entryOf(text, [8000, 80]).status).toBe('accepted');
    }
  });

  it('skips a Snort 2 rule with http keywords but no service for a port Warden does not serve (port groups)', () => {
    const text = 'alert tcp $EXTERNAL_NET any -> $HOME_NET 8080 (msg:"x"; flow:to_server,established; content:"/manager/html"; http_uri; sid:1;)';
    expect(entryOf(text, [8000, 80])).toMatchObject({ status: 'skipped', code: 'WARDEN_SIGNATURES_NOT_HTTP' });
  });

  it('keeps a service rule whatever its ports: Snort applies service:http to HTTP on any port (community sid 1604, iChat on 4080)', () => {
    const snort2 = 'alert tcp $EXTERNAL_NET any -> $HOME_NET 4080 (msg:"SERVER-WEBAPP iChat directory traversal attempt"; flow:to_server,established; content:"/../../"; metadata:ruleset community, service http; sid:1604; rev:1;)';
    const snort3 = 'alert tcp $EXTERNAL_NET any -> $HOME_NET 4080 ( msg:"SERVER-WEBAPP iChat directory traversal attempt"; flow:to_server,established; content:"/../../"; metadata:ruleset community; service:http; sid:1604; rev:1; )';
    expect(entryOf(snort2, [8000, 80]).status).toBe('accepted');
    expect(entryOf(snort3, [8000, 80]).status).toBe('accepted');
  });

  it('honours the ports of a Suricata rule whatever its metadata says: Suricata matches by protocol and header ports, its metadata is information', () => {
    const text = 'alert http $EXTERNAL_NET any -> $HOME_NET 8161 (msg:"x"; flow:to_server,established; http.uri; content:"/admin/test"; metadata:created_at 2020_01_01, service http; sid:1;)';
    const suricata = (t: string, servedPorts: readonly number[]) =>
      parseRuleFile(t, { file: 'test.rules', variables: defaultVariables(), servedPorts, flavour: 'suricata' }).entries[0];
    expect(suricata(text, [8000, 80])).toMatchObject({ status: 'skipped', code: 'WARDEN_SIGNATURES_NOT_HTTP' });
    expect(suricata(text, [8161, 80]).status).toBe('accepted');
    // nor does a `service ftp` in Suricata metadata make an HTTP rule an FTP one
    expect(suricata(text.replace('service http', 'service ftp'), [8161, 80]).status).toBe('accepted');
  });

  it('reads a Snort 2 service from the metadata key, not from the word http anywhere in the metadata', () => {
    const text = 'alert tcp $EXTERNAL_NET any -> $HOME_NET 4080 (msg:"x"; flow:to_server,established; content:"/../../"; metadata:ruleset community, tag http; sid:1604; rev:1;)';
    expect(entryOf(text, [8000, 80])).toMatchObject({ status: 'skipped', code: 'WARDEN_SIGNATURES_NOT_HTTP' });
    expect(entryOf(text.replace('tag http', 'service http'), [8000, 80]).status).toBe('accepted');
  });
});

describe('a commented-out rule says what would happen to it', () => {
  it('skipped when it is about outbound traffic, rejected when it is broken', () => {
    const [outbound, broken] = entriesOf(
      [
        '# alert http $HOME_NET any -> $EXTERNAL_NET 443 (msg:"POST to 443"; flow:to_server,established; http.method; content:"POST"; sid:2013926; rev:1;)',
        '# alert http $EXTERNAL_NET any -> $HOME_NET any (msg:"no detection"; flow:to_server,established; sid:2; rev:1;)',
      ].join('\n'),
    );
    expect(outbound.status).toBe('disabled');
    expect(outbound.reason).toMatch(/^commented out; would be skipped: rule describes traffic to \$EXTERNAL_NET/);
    expect(broken.status).toBe('disabled');
    expect(broken.reason).toMatch(/^commented out; would be rejected: /);
  });
});
