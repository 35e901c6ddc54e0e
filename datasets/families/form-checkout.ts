/** Checkout, address-book and payment forms: names, addresses, phones, card-like numbers, in many scripts. */
import type { Family } from '../lib/family.js';
import { browserHeaders, cookieJar, pickBrowser } from '../lib/clients.js';
import { LOCALE_MIX, makePerson } from '../lib/people.js';
import { message } from '../lib/phrases.js';
import { csrfToken } from '../lib/secrets.js';
import { webHost } from '../lib/sites.js';
import { cardNumber, cookieHeader, encodePairs, withBody } from '../lib/wire.js';

export const formCheckout: Family = {
  name: 'form-checkout',
  summary: 'Checkout and address forms (urlencoded and JSON): shipping/billing addresses in the buyer\'s script, phones, emails, Luhn-valid test card numbers, coupons, delivery notes, nested field names.',
  perScale: 6_000,
  make(ctx) {
    const { rng, en } = ctx;
    const locale = rng.weighted(LOCALE_MIX);
    const p = makePerson(rng, ctx.fakers, locale);
    const host = webHost(rng, en);
    const json = rng.chance(0.35);
    const headers = browserHeaders(rng, pickBrowser(rng, locale), host, json ? 'xhr' : 'form', { referer: `https://${host}/checkout`, origin: `https://${host}`, site: 'same-origin', cookie: cookieHeader(cookieJar(rng, { session: true, csrf: true, locale })) });
    const step = rng.weighted([['address', 4], ['payment', 2], ['full', 2], ['coupon', 1], ['address-book', 1]] as const);
    const style = rng.int(0, 2);
    const key = (group: string, name: string) => (style === 0 ? `${group}[${name}]` : style === 1 ? `${group}_${name}` : name);
    const pairs: [string, string][] = [];
    const address = (group: string) => {
      pairs.push([key(group, 'first_name'), p.firstName], [key(group, 'last_name'), p.lastName]);
      if (rng.chance(0.3)) pairs.push([key(group, 'company'), p.company]);
      pairs.push([key(group, 'address1'), p.street]);
      if (rng.chance(0.3)) pairs.push([key(group, 'address2'), rng.pick(['Apt 4B', '2. OG', 'c/o Müller', 'Bâtiment C, 3e étage', '101号室', 'кв. 12', 'Suite #200', ''])]);
      pairs.push([key(group, 'city'), p.city], [key(group, 'zip'), p.zip], [key(group, 'country'), p.country]);
      if (p.state) pairs.push([key(group, 'province'), p.state]);
      pairs.push([key(group, 'phone'), p.phone]);
    };
    if (step === 'address' || step === 'full' || step === 'address-book') {
      pairs.push(['email', p.email]);
      address(rng.pick(['shipping', 'shipping_address', 'billing']));
      if (rng.chance(0.3)) pairs.push(['same_as_shipping', rng.pick(['1', 'on', 'true'])]);
      if (rng.chance(0.25)) pairs.push([rng.pick(['note', 'order_comments', 'delivery_instructions']), rng.chance(0.5) ? message(rng, locale) : rng.pick(["Leave at the back door, the bell doesn't work", 'Bitte beim Nachbarn abgeben', '置き配希望', 'Não tocar a campainha, bebê dormindo', 'Code portail 4521B', 'Call 10 min before: ' + p.phone])]);
      if (rng.chance(0.4)) pairs.push(['shipping_method', rng.pick(['standard', 'express', 'dhl_paket', 'ups_ground', 'pickup_store_12', 'yamato'])]);
    }
    if (step === 'payment' || step === 'full') {
      const exp = `${String(rng.int(1, 12)).padStart(2, '0')}${rng.pick(['/', ' / ', ''])}${rng.int(26, 31)}`;
      pairs.push([key('card', 'number'), rng.chance(0.5) ? cardNumber(rng) : cardNumber(rng).replace(/(\d{4})(?=\d)/g, '$1 ')], [key('card', 'name'), rng.chance(0.6) ? p.fullName.toUpperCase() : p.fullName], [key('card', 'expiry'), exp], [key('card', 'cvc'), rng.digits(rng.chance(0.9) ? 3 : 4)]);
      if (rng.chance(0.3)) pairs.push(['payment_method', rng.pick(['card', 'paypal', 'klarna', 'sofort', 'ideal', 'pix', 'konbini', 'alipay'])]);
      if (rng.chance(0.2)) pairs.push(['iban', en.finance.iban()]);
      if (rng.chance(0.3)) pairs.push(['save_card', '1']);
    }
    if (step === 'coupon') pairs.push([rng.pick(['coupon_code', 'discount', 'voucher', 'promo']), rng.pick([rng.alnum(8).toUpperCase(), `SUMMER${rng.int(10, 50)}`, `WELCOME-${rng.alnum(4).toUpperCase()}`, 'FREESHIP', `${en.word.noun().toUpperCase()}${rng.int(5, 30)}`])]);
    if (step === 'address-book') pairs.push(['default_address', rng.pick(['0', '1'])], ['label', rng.pick(['Home', 'Work', 'Mom', 'Büro', '自宅', 'Casa'])]);
    if (rng.chance(0.3)) pairs.push(['cart_token', rng.hex(32)]);
    if (rng.chance(0.5)) pairs.push(['quantity', String(rng.skewed(5))], ['variant_id', String(rng.int(1e10, 5e10))]);
    const path = step === 'coupon' ? rng.pick(['/cart/apply-coupon', '/checkout/discount', '/?wc-ajax=apply_coupon']) : step === 'address-book' ? rng.pick(['/account/addresses', '/customer/address/formPost/', '/my-account/edit-address/billing/']) : rng.pick(['/checkout', '/checkout/shipping', '/checkout/payment', `/checkouts/${rng.hex(32)}`, '/?wc-ajax=checkout', '/onepage/save', '/kasse']);
    if (json) {
      const obj: Record<string, string> = {};
      for (const [k, v] of pairs) obj[k.replace(/\[(\w+)\]/, '.$1')] = v;
      return withBody({ method: 'POST', path: path.startsWith('/?') ? path.slice(0, 1) : path, query: path.startsWith('/?') ? path.slice(2) : '', headers }, 'application/json', JSON.stringify(obj));
    }
    pairs.unshift([rng.pick(['_token', 'authenticity_token', 'form_key', 'woocommerce-process-checkout-nonce']), csrfToken(rng)]);
    return withBody({ method: 'POST', path: path.startsWith('/?') ? '/' : path, query: path.startsWith('/?') ? path.slice(2) : '', headers }, 'application/x-www-form-urlencoded', encodePairs(pairs, 'form'));
  },
};
