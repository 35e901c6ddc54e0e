import { describe, expect, it } from 'vitest';
import { buildInspection, createInspector, DEFAULT_INSPECT_OPTIONS } from '../../src/inspect/build-inspection.js';
import type { Inspection, Target } from '../../src/inspect/types.js';
import { rawRequest } from './raw-request.js';

const browserHeaders: Array<[string, string]> = [
  ['Host', 'shop.example.com'],
  ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'],
  ['Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'],
  ['Accept-Language', 'en-US,en;q=0.5'],
  ['Accept-Encoding', 'gzip, deflate, br'],
  ['Referer', 'https://shop.example.com/search?q=red+shoes&page=2'],
  ['Cookie', 'session=4f9c2a7e1b; theme=dark'],
  ['Connection', 'keep-alive'],
];

function targetsNamed(inspection: Inspection, name: string): Target[] {
  return inspection.targets.filter((t) => t.name === name);
}

function codes(inspection: Inspection): string[] {
  return inspection.findings.map((f) => f.code);
}

describe('buildInspection: Snort buffers', () => {
  const body = 'a=1&b=%3Cx%3E';
  const inspection = buildInspection(
    rawRequest(
      'POST',
      '/shop/./items//..%2F%2e%2e/cart%3Fid?q=%2527union+select&x=caf%C3%A9',
      [
        ['Host', 'shop.example.com'],
        ['Content-Type', 'application/x-www-form-urlencoded'],
        ['Cookie', 'sid=a%20b; lang=en'],
        ['X-Custom', 'v'],
        ['Cookie', 'extra=1'],
      ],
      body,
    ),
  );
  const b = inspection.buffers;

  it('raw is request line + headers as received + CRLFCRLF + body', () => {
    expect(b.raw).toBe(
      'POST /shop/./items//..%2F%2e%2e/cart%3Fid?q=%2527union+select&x=caf%C3%A9 HTTP/1.1\r\n' +
        'Host: shop.example.com\r\nContent-Type: application/x-www-form-urlencoded\r\nCookie: sid=a%20b; lang=en\r\nX-Custom: v\r\nCookie: extra=1\r\n' +
        '\r\n' +
        body,
    );
  });

  it('method and rawUri are as sent', () => {
    expect(b.method).toBe('POST');
    expect(b.rawUri).toBe('/shop/./items//..%2F%2e%2e/cart%3Fid?q=%2527union+select&x=caf%C3%A9');
  });

  it('uri is double-decoded, simplified, with + as space in the query only, in latin1 bytes', () => {
    // path: /shop/./items//..%2F%2e%2e/cart%3Fid -> /shop/./items//../../cart?id -> /cart?id ; %3F decoded stays in the path
    expect(b.uri).toBe("/cart?id?q='union select&x=caf\u00c3\u00a9");
  });

  it('header excludes the request line and every Cookie line; rawHeader keeps them', () => {
    expect(b.header).toBe('Host: shop.example.com\r\nContent-Type: application/x-www-form-urlencoded\r\nX-Custom: v\r\n');
    expect(b.rawHeader).toContain('Cookie: sid=a%20b; lang=en\r\n');
    expect(b.rawHeader).toContain('Cookie: extra=1\r\n');
  });

  it('cookie is every Cookie value, percent-decoded; rawCookie as sent', () => {
    expect(b.rawCookie).toBe('sid=a%20b; lang=en; extra=1');
    expect(b.cookie).toBe('sid=a b; lang=en; extra=1');
  });

  it('clientBody is the body, one char per byte', () => {
    expect(b.clientBody).toBe(body);
    const binary = buildInspection(rawRequest('POST', '/', [['Content-Type', 'application/octet-stream']], Buffer.from([0xff, 0x00, 0xc3, 0xa9])));
    expect(binary.buffers.clientBody).toBe('\u00ff\u0000\u00c3\u00a9');
  });

  it('path is decoded once and simplified, as UTF-8 text', () => {
    expect(inspection.path).toBe('/cart?id');
    expect(buildInspection(rawRequest('GET', '/caf%C3%A9/men%c3%bc')).path).toBe('/café/menü');
  });

  it('splits the request target and fills the request fields', () => {
    expect(inspection.rawPath).toBe('/shop/./items//..%2F%2e%2e/cart%3Fid');
    expect(inspection.rawQuery).toBe('q=%2527union+select&x=caf%C3%A9');
    expect(inspection.host).toBe('shop.example.com');
    expect(inspection.contentType).toBe('application/x-www-form-urlencoded');
    expect(inspection.headerMap.get('cookie')).toBe('sid=a%20b; lang=en; extra=1');
    expect(inspection.bodyKind).toBe('form');
  });

  it('keeps scheme and authority of an absolute-form target in uri, and takes the host from it', () => {
    const proxyStyle = buildInspection(rawRequest('GET', 'http://example.com/a/../b?x=1'));
    expect(proxyStyle.buffers.uri).toBe('http://example.com/b?x=1');
    expect(proxyStyle.path).toBe('/b');
    expect(proxyStyle.host).toBe('example.com');
  });

  it('turns backslashes into slashes in uri, as Snort does for IIS', () => {
    expect(buildInspection(rawRequest('GET', '/scripts/..%5c..%5cwinnt/system32/cmd.exe')).buffers.uri).toBe('/winnt/system32/cmd.exe');
  });
});

describe('buildInspection: targets', () => {
  it('keeps duplicate query parameters in order and reports the pollution', () => {
    const inspection = buildInspection(rawRequest('GET', '/?id=1&id=2%27%20or%201=1&ids[]=1&ids[]=2'));
    expect(targetsNamed(inspection, 'id').map((t) => t.raw)).toEqual(['1', '2%27%20or%201=1']);
    expect(targetsNamed(inspection, 'id')[1].decoded).toContain("2' or 1=1");
    const pollution = inspection.findings.filter((f) => f.code === 'WARDEN_INSPECT_PARAMETER_POLLUTION');
    expect(pollution).toEqual([expect.objectContaining({ location: 'query', name: 'id' })]);
  });

  it('names query targets by their decoded name and adds key targets for names that could carry a payload', () => {
    const inspection = buildInspection(rawRequest('GET', "/?user%5Bname%5D=x&a'%20or%20true--=y"));
    expect(targetsNamed(inspection, 'user[name]')).toHaveLength(1);
    const key = inspection.targets.find((t) => t.role === 'key' && t.location === 'query');
    expect(key).toMatchObject({ name: "a' or true--", raw: "a'%20or%20true--" });
  });

  it('reports prototype-pollution names', () => {
    const inspection = buildInspection(rawRequest('GET', '/?__proto__[isAdmin]=1'));
    expect(codes(inspection)).toContain('WARDEN_INSPECT_PROTOTYPE_POLLUTION_KEY');
  });

  it('targets the path whole and per segment', () => {
    const inspection = buildInspection(rawRequest('GET', '/users/1%20OR%201=1/profile'));
    expect(targetsNamed(inspection, 'path')[0].raw).toBe('/users/1%20OR%201=1/profile');
    expect(targetsNamed(inspection, 'segment[1]')[0]).toMatchObject({ raw: '1%20OR%201=1', decoded: ['1 OR 1=1'] });
    expect(targetsNamed(inspection, 'segment[2]')[0].raw).toBe('profile');
  });

  it('does not turn + into a space in path segments', () => {
    const inspection = buildInspection(rawRequest('GET', '/a+b/c%20d'));
    expect(targetsNamed(inspection, 'segment[0]')[0].decoded).toEqual([]);
  });

  it('targets every header value but Content-Length and Cookie, and each cookie on its own', () => {
    const inspection = buildInspection(
      rawRequest('POST', '/', [
        ['Host', 'x'],
        ['Content-Length', '3'],
        ['X-Api-Version', "1' and sleep(5)#"],
        ['Cookie', 'a=1; b=%27'],
      ], 'a=b'),
    );
    const headerNames = inspection.targets.filter((t) => t.location === 'header').map((t) => t.name);
    expect(headerNames).toEqual(['Host', 'X-Api-Version']);
    expect(inspection.targets.filter((t) => t.location === 'cookie').map((t) => [t.name, t.raw, t.decoded])).toEqual([
      ['a', '1', []],
      ['b', '%27', ["'"]],
    ]);
  });

  it('reports a second Host header', () => {
    const inspection = buildInspection(rawRequest('GET', '/', [['Host', 'a.example'], ['Host', 'evil.example']]));
    expect(codes(inspection)).toContain('WARDEN_INSPECT_DUPLICATE_SINGLETON_HEADER');
  });

  it('makes fields past maxTargets light targets (one URL decoding) and says so', () => {
    const query = Array.from({ length: 50 }, (_, i) => `p${i}=v${i}`).join('&') + '&q=%2527x';
    const inspection = buildInspection(rawRequest('GET', `/x?${query}`), { maxTargets: 10 });
    // The path segment and nine query fields in full, the other 41 query fields and q lightly.
    expect(inspection.targets).toHaveLength(52);
    expect(inspection.targets.at(-1)).toEqual({ location: 'query', name: 'q', role: 'value', raw: '%2527x', decoded: ['%27x'], decodedVia: ['url'] });
    expect(inspection.limits).toEqual({ reached: ['maxTargets'], uncovered: [], remainderTargets: 42 });
    expect(codes(inspection)).toContain('WARDEN_INSPECT_LIMIT_REACHED');
    // ...but the buffers still hold everything
    expect(inspection.buffers.uri).toContain('p49=v49');
  });

  it('marks the inspection uncovered past maxRemainderTargets, leaving the rest to the raw buffers', () => {
    const query = Array.from({ length: 50 }, (_, i) => `p${i}=v${i}`).join('&');
    const inspection = buildInspection(rawRequest('GET', `/x?${query}`), { maxTargets: 10, maxRemainderTargets: 5 });
    expect(inspection.targets).toHaveLength(15);
    expect(inspection.limits).toEqual({ reached: ['maxTargets'], uncovered: ['maxRemainderTargets'], remainderTargets: 5 });
  });

  it('reports a NUL byte smuggled in a value', () => {
    expect(codes(buildInspection(rawRequest('GET', '/download?file=report.php%00.pdf')))).toContain('WARDEN_INSPECT_NULL_BYTE');
  });

  it('reports %u encoding, overlong UTF-8 and traversal above the root in the URI', () => {
    const inspection = buildInspection(rawRequest('GET', '/scripts/..%c0%af../..%c0%af../winnt/system32/cmd.exe?c=%u003cscript%u003e'));
    expect(codes(inspection)).toEqual(
      expect.arrayContaining(['WARDEN_INSPECT_OVERLONG_UTF8', 'WARDEN_INSPECT_PATH_ABOVE_ROOT', 'WARDEN_INSPECT_PERCENT_U_ENCODING']),
    );
    expect(inspection.buffers.uri).toBe('/winnt/system32/cmd.exe?c=<script>');
  });
});

describe('buildInspection: benign traffic', () => {
  it('a browser page load produces no findings and no decoded forms for plain values', () => {
    const inspection = buildInspection(rawRequest('GET', '/products/shoes?color=red&size=42&sort=price_asc', browserHeaders));
    expect(inspection.findings).toEqual([]);
    expect(targetsNamed(inspection, 'color')[0].decoded).toEqual([]);
    expect(inspection.bodyKind).toBe('none');
  });

  it('a JSON API call produces no findings', () => {
    const inspection = buildInspection(
      rawRequest(
        'POST',
        '/api/v1/orders',
        [
          ['Host', 'api.example.com'],
          ['Content-Type', 'application/json; charset=utf-8'],
          ['Authorization', 'Bearer 8f14e45fceea167a5a36dedd4bea2543'],
        ],
        JSON.stringify({ customer: { name: 'Zoë O\u2019Brien', email: 'zoe@example.com' }, items: [{ sku: 'A-1', qty: 2 }], note: 'Leave at the door, thanks!' }),
      ),
    );
    expect(inspection.findings).toEqual([]);
    expect(inspection.bodyKind).toBe('json');
    expect(targetsNamed(inspection, 'customer.name')[0].raw).toBe('Zoë O\u2019Brien');
  });

  it('a form with encoded punctuation, a lone percent and a %2B produces no findings', () => {
    const inspection = buildInspection(
      rawRequest('POST', '/contact', [['Content-Type', 'application/x-www-form-urlencoded']], 'name=Ann+Lee&phone=%2B33+6+12&msg=50%25+off%2C+really%3F&discount=10%'),
    );
    expect(inspection.findings).toEqual([]);
    expect(targetsNamed(inspection, 'phone')[0].decoded).toEqual(['+33 6 12']);
  });
});

describe('buildInspection: a benign corpus produces no findings', () => {
  const jwt = [{ alg: 'RS256', typ: 'JWT' }, { sub: '1234567890', name: 'Ann', iat: 1516239022 }]
    .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
    .join('.');
  const cases: Array<[string, () => Inspection]> = [
    ['analytics cookies', () => buildInspection(rawRequest('GET', '/', [['Cookie', '_ga=GA1.2.1234567890.1700000000; _gid=GA1.2.987654321.1700000000; _fbp=fb.1.1700000000000.123456789']]))],
    ['an OAuth redirect with a double-encoded return URL', () =>
      buildInspection(rawRequest('GET', '/oauth/authorize?client_id=web&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback%3Fnext%3D%252Fsearch%253Fq%253Dred%252520shoes&state=af0ifjsldkj&scope=openid+profile'))],
    ['a bearer JWT', () => buildInspection(rawRequest('GET', '/api/me', [['Authorization', `Bearer ${jwt}.c2lnbmF0dXJl`]]))],
    ['a data URL in JSON', () =>
      buildInspection(rawRequest('POST', '/api/avatar', [['Content-Type', 'application/json']], JSON.stringify({ image: `data:image/png;base64,${Buffer.alloc(300, 7).toString('base64')}` })))],
    ['a search with punctuation', () => buildInspection(rawRequest('GET', '/search?q=C%2B%2B+%26+Rust%3A+a+comparison+(2024)&lang=en-GB'))],
    ['a multi-line comment form', () =>
      buildInspection(rawRequest('POST', '/comments', [['Content-Type', 'application/x-www-form-urlencoded']], 'author=Ann&body=Great+post%21%0D%0A%0D%0AThanks%2C+Ann'))],
    ['a SOAP call', () =>
      buildInspection(rawRequest('POST', '/ws', [['Content-Type', 'text/xml; charset=utf-8'], ['SOAPAction', '"urn:GetPrice"']], '<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><GetPrice><Item>Apples &amp; pears</Item></GetPrice></soap:Body></soap:Envelope>'))],
    ['a photo upload', () =>
      buildInspection(rawRequest('POST', '/upload', [['Content-Type', 'multipart/form-data; boundary=XyZ']], '--XyZ\r\nContent-Disposition: form-data; name="caption"\r\n\r\nSunset\r\n--XyZ\r\nContent-Disposition: form-data; name="photo"; filename="IMG_0001.JPG"\r\nContent-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ff\u00e0\r\n--XyZ--\r\n'))],
  ];
  it.each(cases)('%s', (_name, inspect) => {
    expect(inspect().findings).toEqual([]);
  });
});

describe('createInspector', () => {
  it('rejects an unknown decoder name at creation time', () => {
    expect(() => createInspector({ decoders: ['url', 'rot13'] })).toThrow(/unknown decoder "rot13"/);
  });

  it('runs only the configured decoders', () => {
    const inspect = createInspector({ decoders: ['url'] });
    const target = inspect(rawRequest('GET', '/?a=JyBvciAxPTEtLQ==')).targets.find((t) => t.name === 'a');
    expect(target?.decoded).toEqual([]);
    expect(DEFAULT_INSPECT_OPTIONS.decoders).toContain('base64');
  });
});

describe('content negotiation headers', () => {
  it('keeps a well-formed Accept list as a target without decoded forms, and decodes one that is not', () => {
    const x = buildInspection(
      rawRequest('GET', '/', [
        ['Host', 'x'],
        ['Accept', 'text/html,application/xhtml+xml,*/*;q=0.8'],
        ['Accept-Language', "en-US,en;q=0.9' /*x*/ or 1=1"],
      ]),
    );
    expect(targetsNamed(x, 'Accept')[0]).toMatchObject({ raw: 'text/html,application/xhtml+xml,*/*;q=0.8', decoded: [] });
    expect(targetsNamed(x, 'Accept-Language')[0].decoded.length).toBeGreaterThan(0);
  });
});
