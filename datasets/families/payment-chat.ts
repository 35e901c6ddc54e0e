/** Payment-provider callbacks and chat APIs: 3-D Secure returns, PayPal IPN, Adyen notifications, Stripe form-encoded PaymentIntents; chat messages with mentions, channel links, code spans and pasted commands. */
import type { Family } from '../lib/family.js';
import { browserHeaders, pickBrowser, pickServerUa } from '../lib/clients.js';
import { LOCALE_MIX } from '../lib/people.js';
import { message } from '../lib/phrases.js';
import { apiHost, webHost } from '../lib/sites.js';
import { encodePairs, withBody } from '../lib/wire.js';

export const paymentChat: Family = {
  name: 'payment-chat',
  summary: 'Payment callbacks (3-D Secure PaRes/MD posts, PayPal IPN, Adyen notification JSON, Stripe form-encoded PaymentIntent confirms with nested billing_details[address][line1]) and chat messages (<@U123> mentions, <#C1|general> and <https://x|label> links, `code` spans, pasted shell commands, emoji shortcodes).',
  perScale: 3_000,
  make(ctx) {
    const { rng, en } = ctx;
    const locale = rng.weighted(LOCALE_MIX);
    const b = pickBrowser(rng, locale);
    const site = webHost(rng, en);
    if (rng.chance(0.2)) {
      // The shopper's browser back from the payment page: provider parameters on the return URL.
      return { method: 'GET', path: rng.pick(['/checkout/return', '/payment/callback', '/order/complete']), query: encodePairs(rng.pick([[['trxid', rng.digits(16)], ['ec', `ORDER-${rng.int(1, 99999)}`], ['status', rng.pick(['SUCCESS', 'CANCELLED'])]], [['payment_intent', `pi_${rng.alnum(24)}`], ['payment_intent_client_secret', `pi_${rng.alnum(24)}_secret_${rng.alnum(25)}`], ['redirect_status', 'succeeded']], [['token', `EC-${rng.alnum(17).toUpperCase()}`], ['PayerID', rng.alnum(13).toUpperCase()]], [['authResult', 'AUTHORISED'], ['merchantReference', `ORDER-${rng.int(1, 99999)}`], ['merchantSig', `${rng.alnum(43)}=`]]] as [string, string][][]), 'form'), headers: browserHeaders(rng, b, site, 'document', { referer: rng.pick(['https://www.paypal.com/', 'https://checkout.stripe.com/', 'https://ideal.bank.example/']), site: 'cross-site' }) };
    }
    switch (rng.int(0, 5)) {
      case 0:
        return withBody({ method: 'POST', path: '/checkout/3ds/return', query: '', headers: browserHeaders(rng, b, site, 'form', { origin: rng.pick(['https://acs.bank.example', 'null']), site: 'cross-site' }) }, 'application/x-www-form-urlencoded', encodePairs([['PaRes', Buffer.from(rng.alnum(300)).toString('base64')], ['MD', `${rng.digits(12)}|${rng.alnum(20)}`], ['TermUrl', `https://${site}/checkout/3ds/return`]], 'form'));
      case 1:
        return withBody({ method: 'POST', path: '/paypal/ipn', query: '', headers: { Host: site, 'User-Agent': 'PayPal IPN ( https://www.paypal.com/ipn )', 'Content-Type': 'application/x-www-form-urlencoded' } }, 'application/x-www-form-urlencoded', encodePairs([['mc_gross', en.commerce.price()], ['payment_status', rng.pick(['Completed', 'Pending', 'Refunded'])], ['payer_email', en.internet.email()], ['item_name1', en.commerce.productName()], ['custom', JSON.stringify({ order: rng.int(1, 99999), ref: rng.alnum(8) })], ['address_street', `${rng.int(1, 999)} ${en.location.street()}\r\nApt ${rng.int(1, 40)}`], ['memo', rng.pick(['', 'Thanks!', "Don't ring the bell; leave at door"])], ['verify_sign', `A${rng.alnum(55)}`], ['txn_id', rng.alnum(17).toUpperCase()]], 'form'));
      case 2:
        if (rng.chance(0.4)) {
          // Adyen's legacy SOAP notifications.
          const xml = `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><ns1:sendNotification xmlns:ns1="http://notification.services.adyen.com"><ns1:notification><live>false</live><notificationItems><NotificationRequestItem><eventCode>${rng.pick(['AUTHORISATION', 'CAPTURE'])}</eventCode><merchantReference>ORDER-${rng.int(1, 99999)}</merchantReference><pspReference>${rng.digits(16)}</pspReference><reason>${rng.pick(['1234:7777:12/2030', 'Refused', ''])}</reason><success>true</success></NotificationRequestItem></notificationItems></ns1:notification></ns1:sendNotification></soap:Body></soap:Envelope>`;
          return withBody({ method: 'POST', path: '/webhooks/adyen/soap', query: '', headers: { Host: apiHost(rng, en), 'User-Agent': 'Adyen HttpClient 1.0', SOAPAction: '""' } }, 'text/xml; charset=utf-8', xml);
        }
        return withBody({ method: 'POST', path: '/webhooks/adyen', query: '', headers: { Host: apiHost(rng, en), 'User-Agent': 'Adyen HttpClient 1.0', Authorization: `Basic ${Buffer.from(`${rng.alnum(8)}:${rng.alnum(16)}`).toString('base64')}` } }, 'application/json', JSON.stringify({ live: 'false', notificationItems: [{ NotificationRequestItem: { eventCode: rng.pick(['AUTHORISATION', 'CAPTURE', 'REFUND']), success: 'true', merchantReference: `ORDER-${rng.int(1, 99999)}`, pspReference: rng.digits(16), amount: { value: rng.int(100, 99999), currency: rng.pick(['EUR', 'USD']) }, additionalData: { hmacSignature: `${rng.alnum(43)}=`, 'cardSummary': rng.digits(4), 'shopperReference': `<${en.internet.email()}>` } } }] }));
      case 3:
        return withBody({ method: 'POST', path: `/v1/payment_intents/pi_${rng.alnum(24)}/confirm`, query: '', headers: browserHeaders(rng, b, 'api.stripe.com', 'xhr', { origin: 'https://js.stripe.com', site: 'cross-site' }) }, 'application/x-www-form-urlencoded', encodePairs([['payment_method_data[type]', 'card'], ['payment_method_data[billing_details][name]', en.person.fullName()], ['payment_method_data[billing_details][address][line1]', `${rng.int(1, 999)} ${en.location.street()}`], ['payment_method_data[billing_details][address][postal_code]', en.location.zipCode()], ['payment_method_data[card][number]', `4242${rng.digits(12)}`], ['expected_payment_method_type', 'card'], ['return_url', `https://${site}/checkout/complete?order=${rng.int(1, 99999)}`], ['key', `pk_test_${rng.alnum(24)}`], ['_stripe_version', '2024-06-20']], 'form'));
      default: {
        const pasted = rng.pick(['`sudo systemctl restart nginx`', '`kubectl get pods -n prod | grep Crash`', '```\nSELECT count(*) FROM orders WHERE status = \'failed\';\n```', '`rm -rf node_modules && npm i`', '`git log --oneline | head -5`', '', '', '']);
        const text = `${rng.pick(['', `<@U${rng.alnum(8).toUpperCase()}> `, '<!here> '])}${message(rng, locale)} ${pasted} ${rng.pick(['', `<#C${rng.alnum(8).toUpperCase()}|${rng.pick(['general', 'ops', 'random'])}>`, `<https://${site}/${rng.alnum(6)}|${en.commerce.product()}>`])} ${rng.pick(['', ':+1:', ':tada:', ':white_check_mark:', '*done*', '~wip~'])}`.trim();
        const path = rng.pick(['/api/chat.postMessage', '/api/v4/posts', `/_matrix/client/v3/rooms/!${rng.alnum(18)}:example.org/send/m.room.message/m${rng.digits(13)}`]);
        return withBody({ method: path.startsWith('/_matrix') ? 'PUT' : 'POST', path, query: '', headers: rng.chance(0.7) ? browserHeaders(rng, b, apiHost(rng, en), 'xhr', { origin: `https://${site}`, site: 'cross-site' }) : { Host: apiHost(rng, en), 'User-Agent': pickServerUa(rng), Authorization: `Bearer xoxb-${rng.digits(12)}-${rng.alnum(24)}` } }, 'application/json', JSON.stringify({ channel: `C${rng.alnum(8).toUpperCase()}`, text, thread_ts: rng.chance(0.3) ? `${rng.digits(10)}.${rng.digits(6)}` : undefined }));
      }
    }
  },
};
