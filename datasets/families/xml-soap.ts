/** XML on the wire: SOAP 1.1/1.2 calls, XML-RPC, WebDAV/CalDAV bodies, payment and shipping XML APIs, sitemaps. */
import type { Family, GenContext } from '../lib/family.js';
import { pickServerUa } from '../lib/clients.js';
import { LOCALE_MIX, makePerson } from '../lib/people.js';
import { message } from '../lib/phrases.js';
import { password } from '../lib/secrets.js';
import { apiHost } from '../lib/sites.js';
import { withBody, type WireRequest } from '../lib/wire.js';

function x(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

type Maker = (ctx: GenContext, host: string, h: Record<string, string>) => WireRequest;

const soap: Maker = (ctx, host, h) => {
  const { rng, en } = ctx;
  const p = makePerson(rng, ctx.fakers, rng.weighted(LOCALE_MIX));
  const ops = [
    ['GetOrderStatus', `<tns:orderId>${rng.int(100000, 999999)}</tns:orderId>`],
    ['CreateCustomer', `<tns:customer><tns:name>${x(p.fullName)}</tns:name><tns:email>${x(p.email)}</tns:email><tns:address><tns:street>${x(p.street)}</tns:street><tns:city>${x(p.city)}</tns:city><tns:zip>${x(p.zip)}</tns:zip><tns:country>${p.country}</tns:country></tns:address></tns:customer>`],
    ['CheckVat', `<tns:countryCode>${rng.pick(['DE', 'FR', 'IT', 'NL', 'AT'])}</tns:countryCode><tns:vatNumber>${rng.digits(9)}</tns:vatNumber>`],
    ['GetRates', `<tns:from>${rng.pick(['EUR', 'USD'])}</tns:from><tns:to>${rng.pick(['JPY', 'GBP', 'CHF'])}</tns:to><tns:date>${en.date.recent({ days: 10 }).toISOString().slice(0, 10)}</tns:date>`],
    ['SubmitClaim', `<tns:claim><tns:policy>${rng.alnum(10).toUpperCase()}</tns:policy><tns:description>${x(message(rng, p.locale))}</tns:description><tns:amount currency="EUR">${(rng.float() * 2000).toFixed(2)}</tns:amount></tns:claim>`],
  ];
  const [op, inner] = rng.pick(ops);
  const ns = `http://${host.replace(/^api\./, 'www.')}/services/${rng.pick(['orders', 'crm', 'billing'])}/v${rng.int(1, 3)}`;
  const v12 = rng.chance(0.3);
  const security = rng.chance(0.4) ? `<soap:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><wsse:UsernameToken><wsse:Username>${x(en.internet.username())}</wsse:Username><wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">${x(password(rng, en))}</wsse:Password></wsse:UsernameToken></wsse:Security></soap:Header>` : '';
  const envNs = v12 ? 'http://www.w3.org/2003/05/soap-envelope' : 'http://schemas.xmlsoap.org/soap/envelope/';
  const body = `<?xml version="1.0" encoding="utf-8"?>\n<soap:Envelope xmlns:soap="${envNs}" xmlns:tns="${ns}">${security}<soap:Body><tns:${op}>${inner}</tns:${op}></soap:Body></soap:Envelope>`;
  const headers = { ...h };
  if (!v12) headers.SOAPAction = `"${ns}/${op}"`;
  return withBody({ method: 'POST', path: rng.pick(['/services/OrderService.asmx', '/ws/crm', '/soap/v2', '/CustomerService.svc', '/axis2/services/Billing']), query: '', headers }, v12 ? `application/soap+xml; charset=utf-8; action="${ns}/${op}"` : 'text/xml; charset=utf-8', body);
};

const xmlRpc: Maker = (ctx, host, h) => {
  const { rng, en } = ctx;
  const method = rng.pick(['wp.getPosts', 'wp.newPost', 'pingback.ping', 'system.listMethods', 'metaWeblog.getRecentPosts']);
  const params = method === 'system.listMethods' ? '' : method === 'pingback.ping'
    ? `<param><value><string>https://${en.internet.domainName()}/${en.helpers.slugify(rng.pick(ctx.text.headings)).toLowerCase()}</string></value></param><param><value><string>https://${host}/blog/${rng.int(1, 999)}</string></value></param>`
    : `<param><value><int>1</int></value></param><param><value><string>${x(en.internet.username())}</string></value></param><param><value><string>${x(password(rng, en))}</string></value></param>${method === 'wp.newPost' ? `<param><value><struct><member><name>post_title</name><value><string>${x(rng.pick(ctx.text.headings))}</string></value></member><member><name>post_content</name><value><string>${x(rng.pick(ctx.text.paragraphs))}</string></value></member></struct></value></param>` : ''}`;
  return withBody({ method: 'POST', path: '/xmlrpc.php', query: '', headers: { ...h, 'User-Agent': rng.pick(['WordPress/6.5.2; https://' + en.internet.domainName(), 'Jetpack by WordPress.com', 'wp-android/25.1', pickServerUa(rng)]) } }, 'text/xml', `<?xml version="1.0"?>\n<methodCall><methodName>${method}</methodName><params>${params}</params></methodCall>`);
};

const dav: Maker = (ctx, host, h) => {
  const { rng, en } = ctx;
  const user = en.internet.username().toLowerCase();
  return rng.weighted<() => WireRequest>([
    [() => withBody({ method: 'PROPFIND', path: `/remote.php/dav/files/${user}/${rng.pick(['', 'Documents/', 'Photos/2025/'])}`, query: '', headers: { ...h, Depth: rng.pick(['0', '1']), 'User-Agent': rng.pick(['Mozilla/5.0 (Linux) mirall/3.13.0 (Nextcloud, debian-6.1.0 ClientArchitecture: x86_64 OsArchitecture: x86_64)', 'Microsoft-WebDAV-MiniRedir/10.0.19045', 'davfs2/1.7.0 neon/0.32.5']) } }, 'application/xml; charset=utf-8', '<?xml version="1.0" encoding="UTF-8"?>\n<d:propfind xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns"><d:prop><d:getlastmodified/><d:getcontentlength/><d:resourcetype/><oc:fileid/><d:getetag/></d:prop></d:propfind>'), 3],
    [() => withBody({ method: 'REPORT', path: `/calendars/${user}/personal/`, query: '', headers: { ...h, Depth: '1', 'User-Agent': 'DAVx5/4.4.1-ose (2024/06/10; dav4jvm; okhttp/4.12.0) Android/14' } }, 'application/xml; charset=utf-8', `<?xml version="1.0" encoding="utf-8"?>\n<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:getetag/><C:calendar-data/></D:prop><C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"><C:time-range start="20250601T000000Z" end="20250701T000000Z"/></C:comp-filter></C:comp-filter></C:filter></C:calendar-query>`), 2],
    [() => withBody({ method: 'PUT', path: `/calendars/${user}/personal/${rng.uuid()}.ics`, query: '', headers: { ...h, 'If-None-Match': '*' } }, 'text/calendar; charset=utf-8', `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Apple Inc.//macOS 14.5//EN\r\nBEGIN:VEVENT\r\nUID:${rng.uuid()}\r\nDTSTART:20250612T090000Z\r\nDTEND:20250612T100000Z\r\nSUMMARY:${rng.pick(ctx.text.headings)}\r\nDESCRIPTION:${message(rng, rng.weighted(LOCALE_MIX)).replace(/[,;]/g, (c) => `\\${c}`)}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`), 1],
  ] as const)();
};

const commerceXml: Maker = (ctx, host, h) => {
  const { rng, en } = ctx;
  const p = makePerson(rng, ctx.fakers, rng.weighted(LOCALE_MIX));
  return rng.weighted<() => WireRequest>([
    [() => withBody({ method: 'POST', path: '/api/shipments', query: '', headers: h }, 'application/xml', `<?xml version="1.0" encoding="UTF-8"?>\n<ShipmentRequest><Shipper><Name>${x(en.company.name())}</Name></Shipper><ShipTo><Name>${x(p.fullName)}</Name><AddressLine>${x(p.street)}</AddressLine><City>${x(p.city)}</City><PostalCode>${x(p.zip)}</PostalCode><CountryCode>${p.country}</CountryCode><Phone>${x(p.phone)}</Phone></ShipTo><Package><Weight unit="KG">${(rng.float() * 20).toFixed(1)}</Weight><Reference>${x(`Order #${rng.int(1000, 99999)}`)}</Reference></Package></ShipmentRequest>`), 3],
    [() => withBody({ method: 'POST', path: '/feeds/products', query: '', headers: h }, 'application/rss+xml', `<?xml version="1.0"?>\n<rss xmlns:g="http://base.google.com/ns/1.0" version="2.0"><channel><title>${x(en.company.name())}</title><item><g:id>${rng.alnum(8)}</g:id><g:title>${x(en.commerce.productName())}</g:title><g:description>${x(en.commerce.productDescription())}</g:description><g:link>https://${host}/p/${rng.int(1, 9999)}</g:link><g:price>${en.commerce.price()} EUR</g:price><g:availability>in_stock</g:availability></item></channel></rss>`), 1],
    [() => withBody({ method: 'POST', path: '/payment/notify', query: '', headers: h }, 'text/xml', `<?xml version="1.0" encoding="UTF-8"?>\n<notification><merchant_id>${rng.digits(8)}</merchant_id><transaction id="${rng.hex(16)}" status="${rng.pick(['AUTHORISED', 'SETTLED', 'REFUSED'])}"><amount currency="${rng.pick(['EUR', 'GBP'])}">${rng.int(100, 99999)}</amount><card_holder>${x(p.fullName)}</card_holder><masked_pan>${rng.pick(['4242', '5555', '3782'])}********${rng.digits(4)}</masked_pan></transaction><signature>${rng.base64(64)}</signature></notification>`), 2],
    [() => withBody({ method: 'POST', path: '/sitemap/submit', query: '', headers: h }, 'application/xml', `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${Array.from({ length: rng.int(2, 5) }, () => `<url><loc>https://${host}/${en.helpers.slugify(en.commerce.productName()).toLowerCase()}</loc><lastmod>${en.date.recent({ days: 30 }).toISOString().slice(0, 10)}</lastmod><changefreq>weekly</changefreq></url>`).join('')}</urlset>`), 1],
    [() => withBody({ method: 'POST', path: '/svg/upload', query: '', headers: h }, 'image/svg+xml', `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><title>${x(en.commerce.productName())}</title><rect width="100" height="100" fill="${en.color.rgb()}"/><text x="50" y="55" text-anchor="middle">${x(en.word.noun())}</text></svg>`), 1],
  ] as const)();
};

export const xmlSoap: Family = {
  name: 'xml-soap',
  summary: 'XML bodies: SOAP 1.1/1.2 envelopes (with WS-Security), XML-RPC, WebDAV PROPFIND and CalDAV REPORT/PUT, shipping and payment-notification XML, product feeds, sitemaps, SVG.',
  perScale: 4_000,
  make(ctx) {
    const { rng, en } = ctx;
    const host = apiHost(rng, en);
    const h: Record<string, string> = { Host: host, 'User-Agent': pickServerUa(rng), Accept: rng.pick(['text/xml', 'application/xml', '*/*', 'text/xml, multipart/related']) };
    if (rng.chance(0.4)) h.Authorization = `Basic ${Buffer.from(`${en.internet.username()}:${password(rng, en)}`).toString('base64')}`;
    return rng.weighted<Maker>([[soap, 4], [xmlRpc, 1], [dav, 2], [commerceXml, 3]])(ctx, host, h);
  },
};
