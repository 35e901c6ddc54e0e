import { describe, expect, it } from 'vitest';
import { buildClientResponseHeaders, buildUpstreamHeaders } from '../../src/proxy/forward-headers.js';

const policy = { xForwardedFor: 'append' as const, xForwardedProto: true, xForwardedHost: true, via: false };
const hop = { peerIp: '192.0.2.7', peerTrusted: false, proto: 'http' as const };

function pairs(flat: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out;
}

describe('upstream request headers', () => {
  it('keeps names, case, order and duplicates of end-to-end headers', () => {
    const out = pairs(buildUpstreamHeaders(['Host', 'shop.test', 'X-Custom', 'a', 'accept', '*/*', 'X-Custom', 'b'], policy, hop));
    expect(out.slice(0, 4)).toEqual([
      ['Host', 'shop.test'],
      ['X-Custom', 'a'],
      ['accept', '*/*'],
      ['X-Custom', 'b'],
    ]);
  });

  it('removes hop-by-hop headers and those named in Connection', () => {
    const out = buildUpstreamHeaders(
      ['Connection', 'keep-alive, X-Secret-Hop', 'Keep-Alive', 'timeout=5', 'X-Secret-Hop', '1', 'TE', 'trailers', 'Proxy-Authorization', 'Basic x', 'Upgrade', 'h2c', 'Expect', '100-continue', 'Accept', '*/*'],
      policy,
      hop,
    ).map((h) => h.toLowerCase());
    for (const gone of ['connection', 'keep-alive', 'x-secret-hop', 'te', 'proxy-authorization', 'upgrade', 'expect']) expect(out).not.toContain(gone);
    expect(out).toContain('accept');
  });

  it('appends the peer to X-Forwarded-For, or replaces it in set mode', () => {
    const raw = ['X-Forwarded-For', '203.0.113.9', 'x-forwarded-for', '198.51.100.1'];
    expect(pairs(buildUpstreamHeaders(raw, policy, hop))).toContainEqual(['X-Forwarded-For', '203.0.113.9, 198.51.100.1, 192.0.2.7']);
    expect(pairs(buildUpstreamHeaders(raw, { ...policy, xForwardedFor: 'set' }, hop))).toContainEqual(['X-Forwarded-For', '192.0.2.7']);
    expect(pairs(buildUpstreamHeaders(raw, { ...policy, xForwardedFor: 'off' }, hop))).toContainEqual(['X-Forwarded-For', '203.0.113.9, 198.51.100.1']);
  });

  it('does not let an untrusted client claim https or another host', () => {
    const raw = ['Host', 'shop.test', 'X-Forwarded-Proto', 'https', 'X-Forwarded-Host', 'evil.test'];
    const untrusted = pairs(buildUpstreamHeaders(raw, policy, hop));
    expect(untrusted).toContainEqual(['X-Forwarded-Proto', 'http']);
    expect(untrusted).toContainEqual(['X-Forwarded-Host', 'shop.test']);
    const trusted = pairs(buildUpstreamHeaders(raw, policy, { ...hop, peerTrusted: true }));
    expect(trusted).toContainEqual(['X-Forwarded-Proto', 'https']);
    expect(trusted).toContainEqual(['X-Forwarded-Host', 'evil.test']);
  });

  it("removes an untrusted client's forwarding claims the proxy does not set, and keeps a trusted proxy's", () => {
    const raw = ['Host', 'shop.test', 'Forwarded', 'for=203.0.113.5;host=evil.test', 'X-Forwarded-Prefix', '/evil', 'x-real-ip', '203.0.113.5', 'X-Forwarded-Port', '443', 'X-Forwarded-Client-Cert', 'Hash=x', 'X-Custom', 'a'];
    const names = (out: string[]) => pairs(out).map(([n]) => n.toLowerCase());
    const untrusted = names(buildUpstreamHeaders(raw, policy, hop));
    for (const gone of ['forwarded', 'x-forwarded-prefix', 'x-real-ip', 'x-forwarded-port', 'x-forwarded-client-cert']) expect(untrusted).not.toContain(gone);
    expect(untrusted).toContain('x-custom');
    const trusted = pairs(buildUpstreamHeaders(raw, policy, { ...hop, peerTrusted: true }));
    expect(trusted).toContainEqual(['Forwarded', 'for=203.0.113.5;host=evil.test']);
    expect(trusted).toContainEqual(['X-Forwarded-Prefix', '/evil']);
    const kept = pairs(buildUpstreamHeaders(raw, { ...policy, untrustedClaims: 'keep' }, hop));
    expect(kept).toContainEqual(['x-real-ip', '203.0.113.5']);
  });

  it('adds Via only when configured', () => {
    expect(buildUpstreamHeaders([], policy, hop)).not.toContain('Via');
    expect(pairs(buildUpstreamHeaders(['Via', '1.0 cdn'], { ...policy, via: true }, hop))).toContainEqual(['Via', '1.0 cdn, 1.1 warden']);
  });
});

describe('client response headers', () => {
  it('drops hop-by-hop headers but keeps Trailer and multi-valued Set-Cookie', () => {
    const out = buildClientResponseHeaders({
      connection: 'close, x-hop',
      'x-hop': '1',
      'keep-alive': 'timeout=5',
      'transfer-encoding': 'chunked',
      trailer: 'X-Checksum',
      'set-cookie': ['a=1', 'b=2'],
      'content-type': 'text/plain',
    });
    expect(out).toEqual([
      ['trailer', 'X-Checksum'],
      ['set-cookie', ['a=1', 'b=2']],
      ['content-type', 'text/plain'],
    ]);
  });
});
