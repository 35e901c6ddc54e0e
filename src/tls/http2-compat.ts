import { Http2ServerRequest, Http2ServerResponse } from 'node:http2';

/** HTTP/1 connection-level headers, meaningless (and forbidden, RFC 9113 §8.2.2) on an HTTP/2 stream. */
const CONNECTION_SPECIFIC = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']);

/** Node's own `rawHeaders` getter (typed as a field, defined as an accessor on the prototype). */
const compatRawHeaders = Object.getOwnPropertyDescriptor(Http2ServerRequest.prototype, 'rawHeaders')?.get as (this: Http2ServerRequest) => string[];

/**
 * An HTTP/2 request as the HTTP/1.1 data plane reads it. Node's compat request lists the
 * pseudo-headers (`:method`, `:path`, `:scheme`, `:authority`) in `rawHeaders`; the gates would
 * inspect them as headers and undici refuses to send them on. Here they are left out, and
 * `:authority` becomes the `Host` an HTTP/1.1 request would carry (RFC 9113 §8.3.1), so the same
 * inspection, access rules and upstream request apply to both versions.
 */
export class WardenHttp2Request extends Http2ServerRequest {
  private normalized: string[] | undefined;
  /** `[authority, host]` when the two disagree: RFC 9113 §8.3.1 says to treat the request as malformed. */
  private conflict: [string, string] | null = null;

  /** The header list without pseudo-headers, `:authority` as `Host` (what `rawHeaders` returns, see below). */
  normalizedRawHeaders(): string[] {
    this.normalized ??= this.normalize(compatRawHeaders.call(this));
    return this.normalized;
  }

  get authorityConflict(): [string, string] | null {
    this.normalizedRawHeaders();
    return this.conflict;
  }

  private normalize(raw: readonly string[]): string[] {
    let authority: string | null = null;
    let host: string | null = null;
    const out: string[] = [];
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i];
      if (name.charCodeAt(0) === 58 /* : */) {
        if (name === ':authority') authority = raw[i + 1];
        continue;
      }
      if (host === null && name.toLowerCase() === 'host') host = raw[i + 1];
      out.push(name, raw[i + 1]);
    }
    if (authority === null) return out;
    if (host === null) return ['host', authority, ...out];
    if (host.toLowerCase() !== authority.toLowerCase()) this.conflict = [authority, host];
    return out;
  }
}

// Declared as a field in @types/node, so the override is installed on the prototype rather than as a class accessor.
Object.defineProperty(WardenHttp2Request.prototype, 'rawHeaders', {
  configurable: true,
  get(this: WardenHttp2Request): string[] {
    return this.normalizedRawHeaders();
  },
});

/** A compat response that drops HTTP/1 connection headers instead of warning about each one (`Connection: close` means nothing on a stream). */
export class WardenHttp2Response extends Http2ServerResponse {
  override setHeader(name: string, value: number | string | readonly string[]): void {
    if (CONNECTION_SPECIFIC.has(name.toLowerCase())) return;
    super.setHeader(name, value);
  }
}
