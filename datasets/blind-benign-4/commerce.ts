/** Blind benign set 4: payment (checkout and provider webhooks), maps and geo, video and streaming. */
import type { Rng } from '../lib/rng.js';
import { makePerson, type FakerPool } from '../lib/people.js';
import { alnum, b64url, browser, client, form, hex, json, query, uuid, type Draft } from './wire.js';

const SHOP = 'checkout.example-store.com';
const PSP = 'api.payments.example';
const STRIPE_UA = 'Stripe/v1 NodeBindings/17.4.0';

export function payment(rng: Rng, pool: FakerPool): Draft[] {
  const out: Draft[] = [];
  const auth = (): Record<string, string> => ({ Authorization: `Bearer sk_test_${alnum(rng, 24)}`, 'Content-Type': 'application/x-www-form-urlencoded', 'Stripe-Version': '2024-06-20', 'Idempotency-Key': uuid(rng) });
  for (let i = 0; i < 6; i++) {
    const p = makePerson(rng, pool);
    out.push({ method: 'POST', path: '/v1/payment_intents', query: '', headers: client(PSP, STRIPE_UA, auth()), body: form([
      ['amount', String(rng.int(199, 250000))], ['currency', rng.pick(['usd', 'eur', 'gbp', 'jpy', 'brl'])], ['automatic_payment_methods[enabled]', 'true'],
      ['customer', `cus_${alnum(rng, 14)}`], ['description', rng.pick([`Order #${rng.int(10000, 99999)}`, 'Subscription renewal (Pro plan, annual)', `Invoice INV-2026-${rng.int(100, 999)} — 3 × "Desk lamp" & shipping`])],
      ['metadata[order_id]', String(rng.int(100000, 999999))], ['metadata[cart_hash]', hex(rng, 32)], ['receipt_email', p.email],
      ['shipping[name]', `${p.firstName} ${p.lastName}`], ['shipping[address][line1]', p.street], ['shipping[address][city]', p.city], ['shipping[address][postal_code]', p.zip], ['shipping[address][country]', p.country],
      ['statement_descriptor_suffix', 'EXSTORE*WEB'],
    ]) });
  }
  out.push({ method: 'GET', path: '/v1/charges', query: 'limit=25&created%5Bgte%5D=1733011200&expand%5B%5D=data.customer&expand%5B%5D=data.invoice', headers: client(PSP, STRIPE_UA, { Authorization: `Bearer sk_test_${alnum(rng, 24)}` }) });
  out.push({ method: 'GET', path: '/v1/customers/search', query: query([['query', `email:'jane.doe@example.com' AND metadata['plan']:'pro'`], ['limit', '10']]), headers: client(PSP, STRIPE_UA, { Authorization: `Bearer sk_test_${alnum(rng, 24)}` }) });
  out.push({ method: 'GET', path: '/v1/payment_intents/search', query: query([['query', "status:'succeeded' AND amount>1000 AND created>1733011200"]]), headers: client(PSP, STRIPE_UA, { Authorization: `Bearer sk_test_${alnum(rng, 24)}` }) });
  out.push({ method: 'POST', path: '/v1/checkout/sessions', query: '', headers: client(PSP, STRIPE_UA, auth()), body: form([
    ['mode', 'payment'], ['success_url', `https://${SHOP}/order/complete?session_id={CHECKOUT_SESSION_ID}`], ['cancel_url', `https://${SHOP}/cart?canceled=1`],
    ['line_items[0][price_data][currency]', 'eur'], ['line_items[0][price_data][product_data][name]', 'Merino crew-neck (navy, M)'], ['line_items[0][price_data][unit_amount]', '8900'], ['line_items[0][quantity]', '2'],
    ['line_items[1][price]', `price_${alnum(rng, 24)}`], ['line_items[1][quantity]', '1'], ['allow_promotion_codes', 'true'], ['shipping_address_collection[allowed_countries][0]', 'DE'], ['shipping_address_collection[allowed_countries][1]', 'AT'],
    ['locale', 'de'], ['client_reference_id', uuid(rng)],
  ]) });
  out.push({ method: 'POST', path: '/v1/refunds', query: '', headers: client(PSP, STRIPE_UA, auth()), body: form([['payment_intent', `pi_${alnum(rng, 24)}`], ['amount', '1500'], ['reason', 'requested_by_customer'], ['metadata[note]', "Customer said: \"arrived damaged; box crushed\" — refund shipping only"]]) });
  for (const type of ['checkout.session.completed', 'payment_intent.succeeded', 'payment_intent.payment_failed', 'charge.dispute.created', 'invoice.paid', 'customer.subscription.updated']) {
    const p = makePerson(rng, pool);
    const object = type.startsWith('payment_intent') ? { id: `pi_${alnum(rng, 24)}`, object: 'payment_intent', amount: 4599, currency: 'usd', status: type.endsWith('failed') ? 'requires_payment_method' : 'succeeded', last_payment_error: type.endsWith('failed') ? { code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.', type: 'card_error' } : null, metadata: { order_id: String(rng.int(1e5, 1e6)) } }
      : type === 'charge.dispute.created' ? { id: `dp_${alnum(rng, 24)}`, object: 'dispute', amount: 12000, reason: 'fraudulent', evidence_details: { due_by: 1735689600, has_evidence: false }, status: 'needs_response' }
        : type === 'customer.subscription.updated' ? { id: `sub_${alnum(rng, 24)}`, object: 'subscription', items: { data: [{ price: { id: `price_${alnum(rng, 14)}`, recurring: { interval: 'month' } }, quantity: 5 }] }, cancel_at_period_end: true }
          : { id: `cs_test_${alnum(rng, 58)}`, object: type.split('.')[0], amount_total: 17800, customer_details: { email: p.email, name: `${p.firstName} ${p.lastName}`, address: { line1: p.street, city: p.city, postal_code: p.zip, country: p.country }, phone: p.phone }, payment_status: 'paid' };
    out.push({ method: 'POST', path: '/webhooks/stripe', query: '', headers: { Host: 'api.example-store.com', 'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)', 'Content-Type': 'application/json; charset=utf-8', Accept: '*/*; q=0.5, application/xml', 'Stripe-Signature': `t=${1733390000 + rng.int(0, 9999)},v1=${hex(rng, 64)}` },
      body: json({ id: `evt_${alnum(rng, 24)}`, object: 'event', api_version: '2024-06-20', created: 1733390412, data: { object }, livemode: false, pending_webhooks: 1, request: { id: `req_${alnum(rng, 14)}`, idempotency_key: uuid(rng) }, type }) });
  }
  for (let i = 0; i < 5; i++) {
    const p = makePerson(rng, pool);
    out.push({ method: 'POST', path: '/v71/payments', query: '', headers: client('checkout-test.adyen.example', 'adyen-node-api-library/18.1.0', { 'Content-Type': 'application/json', 'X-API-Key': `AQE${b64url(rng, 60)}` }), body: json({
      amount: { currency: 'EUR', value: rng.int(500, 99900) }, reference: `ORDER-${rng.int(1e5, 1e6)}`, merchantAccount: 'ExampleStoreECOM',
      paymentMethod: { type: 'scheme', encryptedCardNumber: `adyenjs_0_1_25$${b64url(rng, 300)}`, encryptedExpiryMonth: `adyenjs_0_1_25$${b64url(rng, 120)}`, encryptedExpiryYear: `adyenjs_0_1_25$${b64url(rng, 120)}`, encryptedSecurityCode: `adyenjs_0_1_25$${b64url(rng, 120)}`, holderName: `${p.firstName} ${p.lastName}` },
      returnUrl: `https://${SHOP}/checkout/return?orderRef=${rng.int(1e5, 1e6)}`, channel: 'Web', origin: `https://${SHOP}`, shopperReference: `shopper-${uuid(rng)}`, shopperEmail: p.email, shopperIP: `203.0.113.${rng.int(1, 254)}`, shopperLocale: p.locale.replace('_', '-'),
      browserInfo: { userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', acceptHeader: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', language: 'nl-NL', colorDepth: 24, screenHeight: 1117, screenWidth: 1728, timeZoneOffset: -60, javaEnabled: false },
      billingAddress: { street: p.street, houseNumberOrName: String(rng.int(1, 220)), postalCode: p.zip, city: p.city, country: p.country },
      authenticationData: { threeDSRequestData: { nativeThreeDS: 'preferred' } }, lineItems: [{ quantity: 1, description: 'Gift card — "Happy Birthday!" design', amountIncludingTax: 2500, id: 'GC-25' }],
    }) });
  }
  out.push({ method: 'POST', path: '/webhooks/adyen', query: '', headers: client('api.example-store.com', 'Adyen HttpClient 1.0', { 'Content-Type': 'application/json' }), body: json({ live: 'false', notificationItems: [{ NotificationRequestItem: {
    additionalData: { hmacSignature: Buffer.from(hex(rng, 32)).toString('base64'), 'checkout.cardAddedBrand': 'visa', cardSummary: '1111', expiryDate: '03/2030', authCode: String(rng.int(100000, 999999)), avsResult: '5 No AVS data provided', cvcResult: '1 Matches', fraudResultType: 'GREEN', 'recurring.recurringDetailReference': alnum(rng, 16) },
    amount: { currency: 'EUR', value: 12995 }, eventCode: 'AUTHORISATION', eventDate: '2026-12-05T10:12:33+01:00', merchantAccountCode: 'ExampleStoreECOM', merchantReference: `ORDER-${rng.int(1e5, 1e6)}`, paymentMethod: 'visa', pspReference: alnum(rng, 16).toUpperCase(), reason: `${rng.int(100000, 999999)}:1111:03/2030`, success: 'true' } }] }) });
  out.push({ method: 'POST', path: '/webhooks/adyen', query: '', headers: client('api.example-store.com', 'Adyen HttpClient 1.0', { 'Content-Type': 'application/json' }), body: json({ live: 'false', notificationItems: [{ NotificationRequestItem: { additionalData: { hmacSignature: Buffer.from(hex(rng, 32)).toString('base64') }, amount: { currency: 'EUR', value: 4000 }, eventCode: 'REFUSED', eventDate: '2026-12-05T11:02:09+01:00', merchantAccountCode: 'ExampleStoreECOM', merchantReference: `ORDER-${rng.int(1e5, 1e6)}`, pspReference: alnum(rng, 16).toUpperCase(), reason: 'CVC Declined', success: 'false' } }] }) });
  out.push({ method: 'POST', path: '/v2/checkout/orders', query: '', headers: client('api-m.sandbox.paypal.example', 'PayPalSDK/checkout-sdk-java 2.0.0', { 'Content-Type': 'application/json', Authorization: `Bearer A21AA${b64url(rng, 80)}`, 'PayPal-Request-Id': uuid(rng), Prefer: 'return=representation' }), body: json({ intent: 'CAPTURE', purchase_units: [{ reference_id: 'default', amount: { currency_code: 'USD', value: '64.98', breakdown: { item_total: { currency_code: 'USD', value: '59.99' }, shipping: { currency_code: 'USD', value: '4.99' } } }, items: [{ name: "Kids' rain boots (size 11)", unit_amount: { currency_code: 'USD', value: '59.99' }, quantity: '1', category: 'PHYSICAL_GOODS' }] }], payment_source: { paypal: { experience_context: { return_url: `https://${SHOP}/paypal/return`, cancel_url: `https://${SHOP}/paypal/cancel`, user_action: 'PAY_NOW', shipping_preference: 'SET_PROVIDED_ADDRESS' } } } }) });
  out.push({ method: 'GET', path: '/paypal/return', query: `token=${alnum(rng, 17).toUpperCase()}&PayerID=${alnum(rng, 13).toUpperCase()}`, headers: browser(rng, SHOP, 'document') });
  out.push({ method: 'POST', path: '/checkout/3ds/return', query: '', headers: browser(rng, SHOP, 'form', { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'cross-site', Origin: 'https://acs.bank.example' }), body: form([['MD', Buffer.from(`${uuid(rng)}|${rng.int(1e5, 1e6)}`).toString('base64')], ['PaRes', Buffer.from(Array.from({ length: 600 }, () => rng.int(0, 255))).toString('base64')], ['TermUrl', `https://${SHOP}/checkout/3ds/return`]]) });
  out.push({ method: 'POST', path: '/checkout/3ds2/challenge', query: '', headers: browser(rng, SHOP, 'form', { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'cross-site', Origin: 'https://acs.bank.example' }), body: form([['cres', Buffer.from(json({ threeDSServerTransID: uuid(rng), acsTransID: uuid(rng), messageType: 'CRes', messageVersion: '2.2.0', transStatus: 'Y' })).toString('base64url')], ['threeDSSessionData', b64url(rng, 40)]]) });
  out.push({ method: 'POST', path: '/api/checkout/apple-pay/process', query: '', headers: browser(rng, SHOP, 'xhr', { 'Content-Type': 'application/json', 'X-CSRF-Token': b64url(rng, 43) }), body: json({ token: { paymentData: { data: Buffer.from(Array.from({ length: 400 }, () => rng.int(0, 255))).toString('base64'), signature: Buffer.from(Array.from({ length: 900 }, () => rng.int(0, 255))).toString('base64'), header: { ephemeralPublicKey: Buffer.from(Array.from({ length: 91 }, () => rng.int(0, 255))).toString('base64'), publicKeyHash: Buffer.from(hex(rng, 32), 'hex').toString('base64'), transactionId: hex(rng, 64) }, version: 'EC_v1' }, paymentMethod: { displayName: 'Visa 0492', network: 'Visa', type: 'debit' }, transactionIdentifier: hex(rng, 64).toUpperCase() } }) });
  out.push({ method: 'POST', path: '/api/checkout/google-pay', query: '', headers: browser(rng, SHOP, 'xhr', { 'Content-Type': 'application/json' }), body: json({ apiVersion: 2, apiVersionMinor: 0, paymentMethodData: { description: 'Mastercard •••• 4444', info: { cardDetails: '4444', cardNetwork: 'MASTERCARD' }, tokenizationData: { type: 'PAYMENT_GATEWAY', token: json({ signature: `MEUCI${b64url(rng, 90)}`, intermediateSigningKey: { signedKey: json({ keyValue: b64url(rng, 120), keyExpiration: '1735689600000' }), signatures: [`MEQCI${b64url(rng, 88)}`] }, protocolVersion: 'ECv2', signedMessage: json({ encryptedMessage: b64url(rng, 400), ephemeralPublicKey: b64url(rng, 88), tag: b64url(rng, 43) }) }) }, type: 'CARD' } }) });
  for (let i = 0; i < 6; i++) {
    const p = makePerson(rng, pool);
    out.push({ method: 'POST', path: '/checkout/address', query: '', headers: browser(rng, SHOP, 'form', { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `cart=${uuid(rng)}; __stripe_mid=${uuid(rng)}${hex(rng, 6)}; __stripe_sid=${uuid(rng)}${hex(rng, 6)}` }), body: form([
      ['_token', b64url(rng, 40)], ['email', p.email], ['first_name', p.firstName], ['last_name', p.lastName], ['company', rng.pick(['', 'O\'Reilly & Sons Ltd.', 'Müller GmbH & Co. KG', 'AT&T Retail #4471', ''])],
      ['address1', p.street], ['address2', rng.pick(['', 'Apt #4B', 'c/o Front desk', 'Unit 12-3, Floor 7', 'Bldg. C; ring twice'])], ['city', p.city], ['zip', p.zip], ['country', p.country], ['phone', p.phone],
      ['delivery_notes', rng.pick(['Leave at the back door (gate code 4471#)', 'Please call 10 min before — dog in yard!', 'If not home, leave w/ neighbour @ no. 12', '', 'Deliver between 9:00–12:00; use side entrance <not the shop>'])],
      ['coupon', rng.pick(['', 'WINTER-25', 'FREESHIP', 'VIP_2026%'])], ['save_address', 'on'],
    ]) });
  }
  out.push({ method: 'POST', path: '/api/cart/apply-coupon', query: '', headers: browser(rng, SHOP, 'xhr', { 'Content-Type': 'application/json' }), body: json({ code: 'SAVE10-NOV/DEC', cartId: uuid(rng) }) });
  out.push({ method: 'POST', path: '/payments/sessions', query: '', headers: client('api.playground.klarna.example', 'Klarna-Node/3.1', { 'Content-Type': 'application/json', Authorization: `Basic ${Buffer.from(`PK${rng.int(10000, 99999)}_${hex(rng, 12)}:${b64url(rng, 20)}`).toString('base64')}` }), body: json({ purchase_country: 'SE', purchase_currency: 'SEK', locale: 'sv-SE', order_amount: 50000, order_tax_amount: 10000, order_lines: [{ type: 'physical', reference: '19-402-SWE', name: 'Röd tröja (stl. L) – 100 % ull', quantity: 1, unit_price: 50000, tax_rate: 2500, total_amount: 50000, total_tax_amount: 10000, product_url: `https://${SHOP}/sv/p/rod-troja?variant=L&color=röd` }], merchant_urls: { confirmation: `https://${SHOP}/klarna/confirm?order_id={checkout.order.id}`, push: `https://${SHOP}/klarna/push?order_id={checkout.order.id}` } }) });
  out.push({ method: 'GET', path: '/order/complete', query: `session_id=cs_test_${alnum(rng, 58)}`, headers: browser(rng, SHOP, 'document', { 'Sec-Fetch-Site': 'cross-site', Referer: 'https://checkout.stripe.example/' }) });
  out.push({ method: 'POST', path: '/api/tax/quote', query: '', headers: browser(rng, SHOP, 'xhr', { 'Content-Type': 'application/json' }), body: json({ to: { country: 'US', state: 'NY', zip: '10001-2062', street: '350 5th Ave #21' }, lines: [{ sku: 'LAMP-01', qty: 1, price: '49.00', taxCode: 'P0000000' }, { sku: 'SHIP', qty: 1, price: '7.95', taxCode: 'FR020100' }] }) });
  out.push({ method: 'POST', path: '/webhooks/paypal', query: '', headers: client('api.example-store.com', 'PayPal/AUHD-214.0-58478658', { 'Content-Type': 'application/json', 'Paypal-Transmission-Id': uuid(rng), 'Paypal-Transmission-Sig': Buffer.from(hex(rng, 128), 'hex').toString('base64'), 'Paypal-Cert-Url': 'https://api.paypal.example/v1/notifications/certs/CERT-360caa42-fca2a594-1d93a270' }), body: json({ id: `WH-${alnum(rng, 17).toUpperCase()}`, event_type: 'PAYMENT.CAPTURE.COMPLETED', resource_type: 'capture', summary: 'Payment completed for $ 64.98 USD', resource: { id: alnum(rng, 17).toUpperCase(), amount: { currency_code: 'USD', value: '64.98' }, status: 'COMPLETED', links: [{ href: 'https://api.paypal.example/v2/payments/captures/8MC585209K746392H', rel: 'self', method: 'GET' }] } }) });
  return out;
}

const TILES = 'tiles.maps.example';
/** A polyline in Google's encoding (the alphabet is ASCII 63–126: ? @ [ \ ] ^ _ ` { | } ~ included). */
function polyline(rng: Rng, points: number): string {
  let lat = 0; let lng = 0; let out = '';
  const enc = (v: number): string => {
    let n = v < 0 ? ~(v << 1) : v << 1; let s = '';
    while (n >= 0x20) { s += String.fromCharCode((0x20 | (n & 0x1f)) + 63); n >>= 5; }
    return s + String.fromCharCode(n + 63);
  };
  let la = 38.5 + rng.float(); let ln = -120.2 + rng.float();
  for (let i = 0; i < points; i++) {
    const a = Math.round(la * 1e5); const b = Math.round(ln * 1e5);
    out += enc(a - lat) + enc(b - lng); lat = a; lng = b;
    la += (rng.float() - 0.4) * 0.05; ln += (rng.float() - 0.5) * 0.05;
  }
  return out;
}

export function maps(rng: Rng): Draft[] {
  const out: Draft[] = [];
  for (let i = 0; i < 8; i++) {
    const z = rng.int(3, 18); const x = rng.int(0, 2 ** z - 1); const y = rng.int(0, 2 ** z - 1);
    out.push(rng.pick<Draft>([
      { method: 'GET', path: `/v4/mapbox.mapbox-streets-v8,mapbox.mapbox-terrain-v2/${z}/${x}/${y}.vector.pbf`, query: `sku=101${alnum(rng, 10)}&access_token=pk.${b64url(rng, 60)}.${b64url(rng, 22)}`, headers: browser(rng, TILES, 'xhr', { Accept: 'application/x-protobuf' }) },
      { method: 'GET', path: `/styles/v1/example/cl${alnum(rng, 22).toLowerCase()}/tiles/512/${z}/${x}/${y}@2x`, query: `access_token=pk.${b64url(rng, 60)}`, headers: browser(rng, TILES, 'image') },
      { method: 'GET', path: `/${z}/${x}/${y}.png`, query: '', headers: browser(rng, 'a.tile.openstreetmap.example', 'image') },
      { method: 'GET', path: '/wmts', query: `SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=ortho_2024&STYLE=default&TILEMATRIXSET=EPSG%3A3857&TILEMATRIX=${z}&TILEROW=${y}&TILECOL=${x}&FORMAT=image%2Fjpeg`, headers: browser(rng, 'geo.example.gov', 'image') },
    ]));
  }
  const places = ['Champs-Élysées, Paris', '1600 Amphitheatre Pkwy, Mountain View, CA', 'Rua Augusta 274, São Paulo', 'Karl-Marx-Allee 34, 10178 Berlin', '東京都千代田区丸の内1丁目', 'Plaça de Catalunya, Barcelona', "St. John's Wood Rd, London NW8", 'Москва, Тверская ул., 7', 'ul. Marszałkowska 104/122, Warszawa', 'Avenida 9 de Julio & Corrientes, CABA', 'Dubai Mall — Financial Centre Rd', 'Jl. M.H. Thamrin No.1, Jakarta', 'O\'Connell St Upper, Dublin 1', '서울특별시 중구 세종대로 110', 'Güell Park (Park Güell) entrance #2'];
  for (const q of places) {
    out.push(rng.pick<Draft>([
      { method: 'GET', path: '/search', query: query([['q', q], ['format', 'jsonv2'], ['addressdetails', '1'], ['limit', '5'], ['accept-language', rng.pick(['fr', 'en', 'de,en;q=0.8', 'ja'])], ['countrycodes', '']]), headers: browser(rng, 'nominatim.example.org', 'xhr') },
      { method: 'GET', path: `/geocoding/v5/mapbox.places/${encodeURIComponent(q)}.json`, query: `proximity=ip&types=address%2Cpoi&language=en&autocomplete=true&access_token=pk.${b64url(rng, 60)}`, headers: browser(rng, 'api.maps.example', 'xhr') },
      { method: 'GET', path: '/maps/api/geocode/json', query: query([['address', q], ['components', 'country:XX|postal_code:'], ['key', `AIza${b64url(rng, 35)}`]]).replace('XX', 'FR'), headers: client('maps.googleapis.example', 'okhttp/4.12.0') },
    ]));
  }
  out.push({ method: 'GET', path: '/maps/api/geocode/json', query: `latlng=40.714224,-73.961452&result_type=street_address|postal_code&key=AIza${b64url(rng, 35)}`, headers: client('maps.googleapis.example', 'python-requests/2.32.3') });
  for (let i = 0; i < 5; i++) {
    out.push({ method: 'GET', path: '/maps/api/directions/json', query: `origin=${encodeURIComponent('Times Square, New York')}&destination=place_id:ChIJ${b64url(rng, 23)}&waypoints=optimize:true|via:40.7484,-73.9857|${encodeURIComponent('Grand Central Terminal')}&mode=${rng.pick(['driving', 'transit', 'bicycling'])}&avoid=tolls|ferries&departure_time=now&key=AIza${b64url(rng, 35)}`, headers: client('maps.googleapis.example', 'GoogleMapsAndroidSDK/18.2') });
    const line = polyline(rng, rng.int(8, 40));
    out.push({ method: 'GET', path: '/maps/api/staticmap', query: `size=640x400&scale=2&maptype=roadmap&markers=color:red%7Clabel:A%7C38.5,-120.2&markers=size:mid%7Ccolor:0x1e88e5%7Clabel:B%7C40.7,-120.95&path=weight:5%7Ccolor:0x0000ffcc%7Cenc:${encodeURIComponent(line)}&style=feature:poi%7Cvisibility:off&key=AIza${b64url(rng, 35)}`, headers: browser(rng, 'maps.googleapis.example', 'image') });
    out.push({ method: 'POST', path: '/api/v1/routes/save', query: '', headers: browser(rng, 'app.example-run.com', 'xhr', { 'Content-Type': 'application/json', Authorization: `Bearer ${b64url(rng, 40)}` }), body: json({ name: rng.pick(['Morning loop (river + hill)', 'Tempo run — 8×400m', 'Commute: home → office via canal', "Sunday long run w/ Sam's group"]), polyline: line, distance_m: rng.int(2000, 42195), elevation_gain_m: rng.int(0, 900), sport: 'run', visibility: 'followers' }) });
  }
  out.push({ method: 'GET', path: '/geoserver/wfs', query: query([['service', 'WFS'], ['version', '2.0.0'], ['request', 'GetFeature'], ['typeNames', 'topp:states'], ['outputFormat', 'application/json'], ['CQL_FILTER', "PERSONS > 15000000 AND STATE_NAME LIKE 'New%'"], ['srsName', 'EPSG:4326']]), headers: browser(rng, 'gis.example.org', 'xhr') });
  out.push({ method: 'GET', path: '/geoserver/wms', query: 'SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&FORMAT=image%2Fpng&TRANSPARENT=true&LAYERS=landuse%2Croads&STYLES=&CRS=EPSG%3A3857&WIDTH=256&HEIGHT=256&BBOX=-8238310.24%2C4970241.33%2C-8233418.26%2C4975133.31', headers: browser(rng, 'gis.example.org', 'image') });
  out.push({ method: 'GET', path: '/geoserver/wms', query: 'SERVICE=WMS&VERSION=1.1.1&REQUEST=GetFeatureInfo&LAYERS=parcels&QUERY_LAYERS=parcels&INFO_FORMAT=application%2Fjson&X=128&Y=97&SRS=EPSG%3A4326&BBOX=7.0,50.6,7.2,50.8&WIDTH=256&HEIGHT=256&FEATURE_COUNT=5', headers: browser(rng, 'gis.example.org', 'xhr') });
  out.push({ method: 'POST', path: '/api/interpreter', query: '', headers: browser(rng, 'overpass.example.de', 'xhr', { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' }), body: form([['data', '[out:json][timeout:25];\n(\n  node["amenity"="cafe"]["wheelchair"!="no"](50.73,7.08,50.75,7.12);\n  way["amenity"="cafe"](50.73,7.08,50.75,7.12);\n);\nout body;\n>;\nout skel qt;']]) });
  out.push({ method: 'GET', path: '/api/interpreter', query: query([['data', '[out:json];area[name="Wien"]->.a;nwr(area.a)[shop=bakery];out center;']]), headers: browser(rng, 'overpass.example.de', 'xhr') });
  out.push({ method: 'GET', path: '/v1/places/nearby', query: 'location=-33.8670522%2C151.1957362&radius=1500&type=restaurant&keyword=ramen%7Cudon&opennow=true&rankby=prominence', headers: browser(rng, 'api.places.example', 'xhr') });
  out.push({ method: 'POST', path: '/api/geofences', query: '', headers: browser(rng, 'fleet.example.io', 'xhr', { 'Content-Type': 'application/geo+json' }), body: json({ type: 'Feature', properties: { name: 'Depot #3 (north gate)', alertOn: ['enter', 'exit'], dwell: 'PT10M' }, geometry: { type: 'Polygon', coordinates: [[[13.3777, 52.5163], [13.3801, 52.5163], [13.3801, 52.5149], [13.3777, 52.5149], [13.3777, 52.5163]]] } }) });
  out.push({ method: 'GET', path: '/api/v2/isochrone', query: 'point=52.517%2C13.389&time_limit=600&profile=bike&buckets=3&reverse_flow=false&type=json', headers: browser(rng, 'routing.example.com', 'xhr') });
  out.push({ method: 'GET', path: '/tiles/terrain-rgb/v1/12/2200/1343.webp', query: '', headers: browser(rng, 'api.maptiler.example', 'image', { Range: 'bytes=0-' }) });
  out.push({ method: 'GET', path: '/data/v3.json', query: 'key=' + alnum(rng, 20), headers: browser(rng, 'api.maptiler.example', 'xhr') });
  out.push({ method: 'GET', path: '/fonts/Noto%20Sans%20Regular,Arial%20Unicode%20MS%20Regular/0-255.pbf', query: `key=${alnum(rng, 20)}`, headers: browser(rng, 'api.maptiler.example', 'xhr') });
  out.push({ method: 'GET', path: '/api/0.6/map', query: 'bbox=13.3777,52.5149,13.3801,52.5163', headers: client('api.openstreetmap.example', 'JOSM/1.5 (19230 en) Linux') });
  return out;
}

const CDN = 'vod-cdn.example-stream.net';
export function video(rng: Rng): Draft[] {
  const out: Draft[] = [];
  const asset = (): string => `${hex(rng, 8)}-${hex(rng, 4)}`;
  for (let i = 0; i < 14; i++) {
    const a = asset();
    const token = `exp=${1733400000 + rng.int(0, 99999)}~acl=%2Fhls%2F${a}%2F*~hmac=${hex(rng, 64)}`;
    out.push(rng.pick<Draft>([
      { method: 'GET', path: `/hls/${a}/master.m3u8`, query: `hdnts=${token}`, headers: browser(rng, CDN, 'xhr', { Accept: '*/*' }) },
      { method: 'GET', path: `/hls/${a}/1080p/index.m3u8`, query: '', headers: browser(rng, CDN, 'xhr', { Accept: '*/*' }) },
      { method: 'GET', path: `/hls/${a}/720p/segment_${String(rng.int(0, 900)).padStart(5, '0')}.ts`, query: '', headers: browser(rng, CDN, 'xhr', { Accept: '*/*' }) },
      { method: 'GET', path: `/hls/${a}/audio/eng/seg-${rng.int(1, 600)}-a1.aac`, query: '', headers: browser(rng, CDN, 'xhr', { Accept: '*/*' }) },
      { method: 'GET', path: `/dash/${a}/manifest.mpd`, query: '', headers: browser(rng, CDN, 'xhr', { Accept: '*/*' }) },
      { method: 'GET', path: `/dash/${a}/video/avc1/3/seg-${rng.int(1, 700)}.m4s`, query: '', headers: browser(rng, CDN, 'xhr', { Accept: '*/*' }) },
      { method: 'GET', path: `/dash/${a}/init-stream${rng.int(0, 4)}.m4s`, query: '', headers: browser(rng, CDN, 'xhr', { Accept: '*/*' }) },
    ]));
  }
  for (let i = 0; i < 5; i++) {
    const sid = uuid(rng);
    out.push({ method: 'GET', path: `/v/${asset()}/720p/chunk-${rng.int(1, 400)}.m4s`, query: `CMCD=${encodeURIComponent(`bl=${rng.int(1000, 30000)},br=${rng.pick([800, 1600, 3200, 6000])},cid="${asset()}",d=4004,dl=${rng.int(1000, 20000)},mtp=${rng.int(5000, 90000)},nor="chunk-${rng.int(2, 400)}.m4s",ot=v,rtp=${rng.int(5000, 20000)},sf=d,sid="${sid}",st=v,tb=6000`)}`, headers: browser(rng, CDN, 'media') });
  }
  out.push({ method: 'GET', path: `/vod/${asset()}/index.m3u8`, query: `_HLS_msn=${rng.int(100, 9999)}&_HLS_part=${rng.int(0, 5)}&_HLS_skip=YES`, headers: browser(rng, 'live.example-stream.net', 'xhr', { Accept: '*/*' }) });
  out.push({ method: 'GET', path: '/videoplayback', query: `expire=${1733400000 + rng.int(0, 99999)}&ei=${b64url(rng, 22)}&ip=203.0.113.7&id=o-${b64url(rng, 44)}&itag=399&aitags=133%2C134%2C135%2C136%2C160%2C242%2C243%2C244%2C247%2C278%2C394%2C395%2C396%2C397%2C398%2C399&source=youtube&requiressl=yes&mime=video%2Fmp4&dur=212.080&lmt=1716399882412019&keepalive=yes&sparams=expire%2Cei%2Cip%2Cid%2Caitags%2Csource%2Crequiressl%2Cmime%2Cdur%2Clmt&sig=${b64url(rng, 66)}&range=0-${rng.int(100000, 999999)}&rn=3&rbuf=0&alr=yes`, headers: browser(rng, 'rr3---sn-example.googlevideo.example', 'media', { Origin: 'https://www.youtube.example' }) });
  out.push({ method: 'GET', path: '/watch', query: `v=${b64url(rng, 11)}&list=PL${b64url(rng, 32)}&index=4&t=1m32s&pp=iAQB`, headers: browser(rng, 'www.youtube.example', 'document') });
  out.push({ method: 'GET', path: '/embed/' + b64url(rng, 11), query: 'autoplay=1&mute=1&controls=0&loop=1&playlist=' + b64url(rng, 11) + '&modestbranding=1&playsinline=1&enablejsapi=1&origin=https%3A%2F%2Fwww.example-blog.org&widgetid=1', headers: browser(rng, 'www.youtube.example', 'document', { 'Sec-Fetch-Dest': 'iframe', 'Sec-Fetch-Site': 'cross-site' }) });
  for (let i = 0; i < 6; i++) {
    const ev = rng.pick(['playing', 'pause', 'seeked', 'rebufferstart', 'rebufferend', 'error', 'renditionchange', 'viewend']);
    out.push({ method: 'POST', path: '/collect/v2', query: '', headers: browser(rng, 'beacon.video-analytics.example', 'xhr', { 'Content-Type': 'text/plain;charset=UTF-8', 'Sec-Fetch-Site': 'cross-site' }), body: json({ metadata: { sdk: 'player-analytics-js/5.2.1', player: 'video.js 8.12.0', env_key: alnum(rng, 26).toLowerCase() }, events: [{ e: ev, ts: 1733390412000 + rng.int(0, 99999), view_id: uuid(rng), playhead_ms: rng.int(0, 3600000), video_id: asset(), video_title: rng.pick(['Ep. 12 — "The Long Night" (Director\'s Cut)', 'Unboxing: 3 cameras < $500 & which one wins', 'Live: Council meeting 12/05 — Agenda item #4', 'Kochkurs: Käsespätzle & Apfelstrudel']), bitrate: rng.pick([800000, 3200000, 6000000]), resolution: rng.pick(['1280x720', '1920x1080', '3840x2160']), ...(ev === 'error' ? { error_code: 'MEDIA_ERR_SRC_NOT_SUPPORTED', error_message: 'The media could not be loaded, either because the server or network failed or because the format is not supported. (CODE:4 MEDIA_ERR_SRC_NOT_SUPPORTED) HTTP 403 for /hls/seg_0042.ts', error_context: 'hls.js: fragLoadError; url=https://vod-cdn.example-stream.net/hls/x/720p/seg_0042.ts' } : {}) }] }) });
  }
  out.push({ method: 'GET', path: '/ping', query: `ev=heartbeat&st=${rng.int(0, 3600)}&et=${rng.int(0, 3600)}&cpn=${b64url(rng, 16)}&vid=${b64url(rng, 11)}&ver=2&c=WEB&cver=2.20241204.01.00&cplayer=UNIPLAYER&cbr=Chrome&cos=Windows&cmt=123.45&fmt=399&afmt=251&vis=0&bh=12.3&rt=42.7&lact=5321&fs=0&volume=100&muted=0`, headers: browser(rng, 'www.youtube.example', 'xhr', { Accept: '*/*' }) });
  out.push({ method: 'POST', path: '/v1/license/widevine', query: `contentId=${asset()}&keyId=${hex(rng, 32)}`, headers: browser(rng, 'drm.example-stream.net', 'xhr', { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${b64url(rng, 120)}`, 'Sec-Fetch-Site': 'cross-site' }), body: Buffer.from(Array.from({ length: 300 }, () => rng.int(0, 255))).toString('base64'), bodyEncoding: 'base64' });
  out.push({ method: 'POST', path: '/fairplay/license', query: '', headers: client('drm.example-stream.net', 'AppleCoreMedia/1.0.0.22B91 (iPhone; U; CPU OS 18_1 like Mac OS X; en_us)', { 'Content-Type': 'application/x-www-form-urlencoded' }), body: form([['spc', Buffer.from(Array.from({ length: 500 }, () => rng.int(0, 255))).toString('base64')], ['assetId', asset()]]) });
  out.push({ method: 'GET', path: '/captions/' + asset() + '/en-US.vtt', query: '', headers: browser(rng, CDN, 'xhr', { Accept: 'text/vtt' }) });
  out.push({ method: 'GET', path: '/thumbnails/' + asset() + '/sprite-0.jpg', query: 'w=160&h=90&t=00%3A01%3A30.000', headers: browser(rng, CDN, 'image') });
  out.push({ method: 'GET', path: '/videos/' + asset() + '.mp4', query: '', headers: browser(rng, CDN, 'media', { Range: `bytes=${rng.int(0, 999999)}-` }) });
  out.push({ method: 'POST', path: '/api/v1/watch-progress', query: '', headers: browser(rng, 'www.example-tv.com', 'xhr', { 'Content-Type': 'application/json', Cookie: `_streaming_session=${b64url(rng, 180)}` }), body: json({ titleId: `tt${rng.int(1000000, 9999999)}`, season: 2, episode: 7, positionSec: 1832.44, durationSec: 2841, audio: 'en-US (5.1)', subtitles: 'es-419 [CC]', device: 'Chrome 131 / Windows' }) });
  out.push({ method: 'GET', path: '/api/v1/titles', query: query([['genre', 'sci-fi|thriller'], ['year', '2019..2024'], ['sort', '-rating,+title'], ['audio', 'ja'], ['q', 'ghost in the shell: SAC_2045']]), headers: browser(rng, 'www.example-tv.com', 'xhr') });
  out.push({ method: 'POST', path: '/live/chat/send', query: '', headers: browser(rng, 'www.example-live.tv', 'xhr', { 'Content-Type': 'application/json' }), body: json({ channel: 'speedrun_weekly', message: 'that skip at 12:34 was insane PogChamp <3 -- GG!!', emotes: [{ id: '88', start: 41, end: 49 }], nonce: uuid(rng) }) });
  out.push({ method: 'GET', path: '/live/' + asset() + '/playlist.m3u8', query: 'token=' + b64url(rng, 64) + '&sig=' + hex(rng, 40) + '&allow_source=true&fast_bread=true&p=' + rng.int(100000, 999999) + '&player_backend=mediaplayer&playlist_include_framerate=true&reassignments_supported=true&supported_codecs=av1,h265,h264', headers: browser(rng, 'usher.example-live.tv', 'xhr', { Accept: 'application/x-mpegURL, application/vnd.apple.mpegurl, application/json, text/plain' }) });
  out.push({ method: 'POST', path: '/api/uploads/videos', query: 'uploadType=resumable&part=snippet,status', headers: client('upload.example-tube.com', 'google-api-python-client/2.149.0 (gzip)', { 'Content-Type': 'application/json; charset=UTF-8', 'X-Upload-Content-Type': 'video/mp4', 'X-Upload-Content-Length': '734003200', Authorization: `Bearer ya29.${b64url(rng, 150)}` }), body: json({ snippet: { title: 'Bach — Cello Suite No. 1 in G major, BWV 1007 (Prélude) | live @ St. Mary\'s', description: 'Recorded 2026-11-30.\n\nChapters:\n0:00 Prélude\n2:31 Allemande\n\n#cello #bach #livemusic', tags: ['bach', 'cello', 'BWV 1007'], categoryId: '10', defaultLanguage: 'en' }, status: { privacyStatus: 'unlisted', selfDeclaredMadeForKids: false } }) });
  return out;
}
