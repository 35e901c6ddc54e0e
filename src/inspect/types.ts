/**
 * The contract between the normalizer and every gate. A request becomes an `Inspection`: the raw
 * Snort buffers (latin1 strings, one char per byte, as Snort sees them) plus a list of targets
 * (one per field the client controls), each with its decoded forms. Gates speak in targets so a
 * log line can say which field of which request tripped what.
 */

export type TargetLocation = 'path' | 'query' | 'header' | 'cookie' | 'body';

/**
 * What part of a field a target is: most are values; JSON keys, parameter names and filenames are attack
 * surface too. `script` is a value its own document declares to be a shell script: the element after
 * `sh -c` in an exec-form command array (`["/bin/sh", "-c", "<script>"]`, as Kubernetes, Docker, ECS
 * and CI manifests write commands). Shell syntax there is the content, not a breakout. `document` is an
 * uploaded file that declares itself a whole HTML page (bodies/html-document.ts): its scripts are its content.
 * `file` is an uploaded text file that lands inert (bodies/uploaded-file.ts): its syntax is its content.
 */
export type TargetRole = 'value' | 'key' | 'filename' | 'script' | 'document' | 'file';

export interface Target {
  location: TargetLocation;
  /** Field name as the application would see it: `id`, `User-Agent`, `user.address[0].street`, `segment[2]`. */
  name: string;
  role: TargetRole;
  /** The value as it appeared in its container (query args still percent-encoded, JSON strings unescaped), UTF-8 text. */
  raw: string;
  /** Distinct decoded forms that differ from `raw` (URL, double URL, entities, escapes, base64, width fold), bounded. */
  decoded: string[];
  /**
   * Each decoded form's decoder chain, parallel to `decoded`: `url`, `url>base64`, `base64>gzip`. Set by
   * the inspector on every target it makes; the signature gate picks by it which forms a buffer's rules
   * see and names it with a hit on a form.
   */
  decodedVia?: readonly string[];
  /**
   * Set when `raw` is not the bytes the request carries because its container's own escapes were
   * resolved: `json` for a JSON string written with `\uXXXX` or `\n` escapes, `xml` for XML text or an
   * attribute value with a character or entity reference resolved (or a comment dropped inside it), `archive` for a zip
   * entry's name or text read out of an uploaded archive (bodies/archive.ts). The signature gate then
   * shows `raw` to the body's rules as a decoded form (the body buffer holds the escaped spelling).
   */
  unescaped?: ContainerEscape;
}

/** A container whose escapes the parser resolved in a target's raw value. */
export type ContainerEscape = 'json' | 'xml' | 'archive';

/** Snort buffer names, shared by the normalizer (which fills them) and the signature gate (which scans them). */
export type BufferName =
  | 'raw' // pkt_data: request line + headers + CRLFCRLF + body (as sent, body dechunked)
  | 'method'
  | 'uri' // http_uri: normalized (percent-decoded, path simplified, `+` -> space in query)
  | 'rawUri' // http_raw_uri: request-target bytes as sent
  | 'header' // http_header: normalized header lines, without the request line and without Cookie
  | 'rawHeader' // http_raw_header: header lines as sent (Cookie included)
  | 'cookie' // http_cookie: Cookie values, normalized
  | 'rawCookie' // http_raw_cookie: Cookie header values as sent
  | 'clientBody'; // http_client_body / file_data: dechunked, decompressed body

export type SnortBuffers = Readonly<Record<BufferName, string>>;

export type BodyKind = 'none' | 'form' | 'json' | 'xml' | 'multipart' | 'text' | 'binary';

export interface Finding {
  /** Stable code (WARDEN_INSPECT_*), greppable in src/inspect/findings.ts. */
  code: string;
  message: string;
  severity: 'info' | 'low' | 'medium' | 'high';
  location?: TargetLocation;
  name?: string;
}

/** Who access control verified the caller to be (src/access/): an API key's id or a JWT's subject. */
export interface VerifiedIdentity {
  method: 'apiKey' | 'jwt' | 'clientCertificate';
  /** API key id, the JWT's subject claim ('' when the token has none), or a verified client certificate's subject DN. */
  subject: string;
  scopes: readonly string[];
}

export interface RequestSource {
  /** The client address Warden decided to trust (socket, or trusted X-Forwarded-For hop). */
  ip: string;
  port: number;
  /** Socket peer address, always the real TCP peer. */
  peerIp: string;
  /** Set when access control verified a credential (or TLS a client certificate); what reputation and rate limits may key on. */
  identity?: VerifiedIdentity;
  /** The client certificate TLS verified (`tls.clientCertificates`); an API key or JWT, when also verified, is the identity. */
  clientCertificate?: { subject: string; fingerprintSha256: string };
}

/** What the proxy hands to the normalizer: the request exactly as received, body already de-chunked and decoded. */
export interface RawRequest {
  method: string;
  /** The request-target as sent (latin1 string of the bytes). */
  url: string;
  httpVersion: string;
  /** Node's rawHeaders: [name, value, name, value, ...] with original case and order. */
  rawHeaders: readonly string[];
  /** Body after Transfer-Encoding and Content-Encoding decoding; empty buffer when none. */
  body: Buffer;
  /** True when only a prefix of the body was kept (inspect-prefix policy). */
  bodyTruncated: boolean;
  source: RequestSource;
  /**
   * Set when `body` is a WebSocket message (an offline record of one): the rest is its handshake's request,
   * the connection's context, and only the message is walked (message-inspection.ts).
   */
  websocket?: WebSocketMessageInfo;
}

/**
 * What the inspection limits did to this request. Past `maxTargets`, `maxJsonDepth` and
 * `maxMultipartParts` fields still become targets, but light ones (no decoder chain, only the
 * application's own URL decoding): `reached` names those limits. `uncovered` names the limits past
 * which something reached no gate as a field at all (only the raw Snort buffers saw it), e.g. the
 * light-target cap `maxRemainderTargets`; the decision fails closed on those by default.
 */
export interface InspectionLimits {
  reached: string[];
  uncovered: string[];
  /** Light targets (fields past a limit) at the end of `targets`. */
  remainderTargets: number;
}

export interface Inspection {
  /** Request id; becomes the incident id when the verdict is not allow. */
  id: string;
  receivedAt: number;
  source: RequestSource;
  method: string;
  /** Request-target as sent. */
  rawUrl: string;
  /** Path part as sent (before `?`). */
  rawPath: string;
  /** Query part as sent (after `?`, without it); '' when none. */
  rawQuery: string;
  /** Percent-decoded, dot-segment-resolved path: what routing and schema matching use. */
  path: string;
  httpVersion: string;
  /** Header fields in order, original case: [name, value]. */
  headers: ReadonlyArray<readonly [string, string]>;
  /** Lower-cased header lookup (values of repeated headers joined with ', ' except cookies, joined with '; '). */
  headerMap: ReadonlyMap<string, string>;
  host: string;
  /** Media type without parameters, lower case; '' when absent. */
  contentType: string;
  body: Buffer;
  bodyTruncated: boolean;
  bodyKind: BodyKind;
  buffers: SnortBuffers;
  targets: Target[];
  /** Anomalies the normalizer saw: malformed JSON/XML/multipart, bad percent-encoding, parameter pollution... */
  findings: Finding[];
  /** Set when a limit cut the inspection; absent when everything was inspected in full. */
  limits?: InspectionLimits;
  /** Set when the body is a WebSocket message (src/proxy/websocket/), the rest being the handshake's request. */
  websocket?: WebSocketMessageInfo;
  /**
   * Where the body holds binary bytes, as [start, end) pairs of body offsets: a body, or a multipart file part,
   * whose bytes are not text (bodies/binary-regions.ts). Rules that spell only printable bytes read these
   * stretches as their text view (signatures/match/binary-text-view.ts); absent when there is none.
   */
  binaryRegions?: number[];
  /**
   * Stretches of those binary ones that hold no text at all, [start, end) pairs: the glyph outlines and programs of
   * a font whose tables check out (bodies/layouts/sfnt-tables.ts). Their text view has none of their bytes.
   */
  opaqueRegions?: number[];
}

/** Which message of a WebSocket connection an inspection judges: its index (from 0), opcode (1 text, 2 binary) and payload bytes. */
export interface WebSocketMessageInfo {
  messageIndex: number;
  opcode: number;
  bytes: number;
  /** The incident id of the connection's handshake (its own verdict line, when one was written). */
  handshakeId?: string;
  /** The Close code Warden ended the connection with for this message (1008 for a block); absent when it went on. */
  close?: number;
}

/**
 * What a WebSocket message is judged in: its handshake's request, read once per connection. Context only —
 * route, exceptions, reputation keys, the log line —; none of it is a target of the message's inspection.
 */
export type MessageContext = Pick<Inspection, 'source' | 'method' | 'rawUrl' | 'rawPath' | 'rawQuery' | 'path' | 'httpVersion' | 'headers' | 'headerMap' | 'host'>;
