import { describe, expect, it } from 'vitest';
import { isWellFormedXml, parseXmlText } from '../../../src/inspect/bodies/xml.js';
import { bodyContext, findingCodes, targetSummary } from './body-context.js';

function parse(text: string, options = {}, overrides = {}) {
  const context = bodyContext(options, overrides);
  const ok = parseXmlText(text, context);
  return { ok, context, targets: targetSummary(context), codes: findingCodes(context) };
}

describe('XML body', () => {
  it('targets element text and attribute values by path', () => {
    const { ok, targets, codes } = parse(
      '<?xml version="1.0" encoding="UTF-8"?>\n<order id="42" note=\'rush\'>\n  <item sku="A-1">Red shoes</item>\n  <empty/>\n</order>',
    );
    expect(ok).toBe(true);
    expect(codes).toEqual([]);
    expect(targets).toEqual([
      ['value', '/order/@id', '42'],
      ['value', '/order/@note', 'rush'],
      ['value', '/order/item/@sku', 'A-1'],
      ['value', '/order/item', 'Red shoes'],
    ]);
  });

  it('decodes the predefined entities and character references, and CDATA', () => {
    expect(parse('<a t="&lt;&#x3c;&#60;">&quot;x&apos; <![CDATA[<script>]]></a>').targets).toEqual([
      ['value', '/a/@t', '<<<'],
      ['value', '/a', '"x\' <script>'],
    ]);
  });

  it('drops comments without splitting text: SEL<!-- -->ECT is SELECT', () => {
    expect(parse('<q>SEL<!-- x -->ECT</q>').targets).toEqual([['value', '/q', 'SELECT']]);
  });

  it('reports a DOCTYPE, an external DTD, and entity declarations (XXE), and never expands them', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>';
    const { ok, targets, codes } = parse(xxe);
    expect(ok).toBe(true);
    expect(codes).toEqual([
      'WARDEN_INSPECT_XML_DOCTYPE',
      'WARDEN_INSPECT_XML_ENTITY_DECLARATION',
      'WARDEN_INSPECT_XML_ENTITY_REFERENCE',
    ]);
    expect(parse(xxe).context.collector.findings[1].severity).toBe('high');
    expect(targets).toEqual([['value', '/foo', '&xxe;']]);
    expect(parse('<!DOCTYPE r SYSTEM "http://evil.example/x.dtd"><r/>').codes).toContain('WARDEN_INSPECT_XML_EXTERNAL_DTD');
  });

  it('survives a billion-laughs body in linear time without expanding anything', () => {
    let dtd = '<!ENTITY lol0 "lol">';
    for (let i = 1; i < 10; i++) dtd += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
    const { ok, targets } = parse(`<!DOCTYPE lolz [${dtd}]><lolz>&lol9;</lolz>`);
    expect(ok).toBe(true);
    expect(targets).toEqual([['value', '/lolz', '&lol9;']]);
  });

  it('reports processing instructions other than the XML declaration', () => {
    expect(parse('<?xml-stylesheet href="http://evil/x.xsl"?><r/>').codes).toEqual(['WARDEN_INSPECT_XML_PROCESSING_INSTRUCTION']);
  });

  it.each([
    ['mismatched end tag', '<a><b></a></b>'],
    ['unclosed element', '<a><b></b>'],
    ['two roots', '<a/><b/>'],
    ['text outside the root', 'junk<a/>'],
    ['unquoted attribute', '<a x=1/>'],
    ['duplicate attribute', '<a x="1" x="2"/>'],
    ['< in attribute', '<a x="<"/>'],
    ['bare ampersand', '<a>fish & chips</a>'],
    ['unterminated comment', '<a><!-- </a>'],
    ['no root', '<?xml version="1.0"?>'],
    ['late XML declaration', '<a/><?xml version="1.0"?>'],
  ])('reports malformed XML (%s) instead of throwing', (_why, text) => {
    const { ok, codes } = parse(text);
    expect(ok).toBe(false);
    expect(codes).toContain('WARDEN_INSPECT_MALFORMED_XML');
  });

  it('bounds depth without recursion: deep text is reported and still targeted, under the deepest path walked', () => {
    const depth = 50_000;
    const deep = '<a>'.repeat(depth) + 'x' + '</a>'.repeat(depth);
    const { ok, targets, codes } = parse(`<r>${deep}<s>shallow</s></r>`, { maxXmlDepth: 8 });
    expect(ok).toBe(true);
    expect(codes).toEqual(['WARDEN_INSPECT_LIMIT_REACHED']);
    expect(targets).toEqual([
      ['value', '/r/a/a/a/a/a/a/a', 'x'],
      ['value', '/r/s', 'shallow'],
    ]);
  });

  it('keeps SOAP namespace prefixes in names', () => {
    const soap =
      '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><m:Login xmlns:m="urn:x"><m:user>admin\' --</m:user></m:Login></soap:Body></soap:Envelope>';
    expect(parse(soap).targets).toContainEqual(['value', '/soap:Envelope/soap:Body/m:Login/m:user', "admin' --"]);
  });

  it('stops walking once the light-target cap leaves the rest uncovered, as the JSON walk does', () => {
    const items = Array.from({ length: 3000 }, (_, i) => `<i>${i}</i>`).join('');
    const { ok, context } = parse(`<a>${items}<oops></a>`, { maxTargets: 10, maxRemainderTargets: 100 });
    // The walk ended at the cap: the malformed tail past it is not reported, the rest is left to the raw buffers.
    expect(ok).toBe(true);
    expect(context.collector.targets.length).toBe(110);
    expect(context.collector.limitsResult()?.uncovered).toEqual(['maxRemainderTargets']);
  });

  it('isWellFormedXml sniffs without side effects', () => {
    expect(isWellFormedXml(Buffer.from('<a><b>1</b></a>'))).toBe(true);
    expect(isWellFormedXml(Buffer.from('<a>'))).toBe(false);
    expect(isWellFormedXml(Buffer.from('<script>alert(1)</script> hi'))).toBe(false);
  });
});
