/**
 * Link-tracking and redirect services as mail clients, social sites and newsletters use them: the
 * destination (and pseudo-URLs such as `javascript:void(0)`, `mailto:`, `tel:`, `#`, `about:blank`
 * that click trackers record for anchors) inside a parameter, often encoded twice, with signatures.
 */
import type { Family } from '../lib/family.js';
import { browserHeaders, pickBrowser } from '../lib/clients.js';
import { LOCALE_MIX } from '../lib/people.js';
import { webHost } from '../lib/sites.js';
import { encodePairs, slugify, withBody } from '../lib/wire.js';

export const linkTracking: Family = {
  name: 'link-tracking',
  summary: 'Click trackers and redirectors: Google /url, Outlook safelinks, newsletter /c/ and /ls/click links, social l.php, UTM-laden destinations, and the pseudo-URLs trackers record for anchors (javascript:void(0), mailto:, tel:, #, about:blank).',
  perScale: 3_000,
  make(ctx) {
    const { rng, en } = ctx;
    const b = pickBrowser(rng, rng.weighted(LOCALE_MIX));
    const site = webHost(rng, en);
    const dest = `https://${site}/${slugify(en.commerce.productName())}?utm_source=${rng.pick(['newsletter', 'facebook', 'mailchimp'])}&utm_medium=${rng.pick(['email', 'social', 'cpc'])}&utm_campaign=${slugify(en.commerce.product())}`;
    const pseudo = rng.pick(['javascript:void(0)', 'javascript:void(0);', 'javascript:;', '#', '#top', 'about:blank', `mailto:${en.internet.email()}`, `tel:+${rng.digits(11)}`, `sms:+${rng.digits(11)}`, '//' + site + '/', `/${slugify(en.commerce.product())}`]);
    const target = rng.chance(0.3) ? pseudo : dest;
    const headers = (host: string) => browserHeaders(rng, b, host, 'document', { referer: rng.pick(['https://mail.google.com/', 'https://outlook.live.com/', `https://${site}/`, 'https://www.facebook.com/']), site: 'cross-site' });
    if (rng.chance(0.2)) {
      // navigator.sendBeacon: a click as a text/plain JSON POST.
      const click = { e: 'click', href: target, text: rng.pick(['Read more', 'Unsubscribe', 'Call us', 'Menu', en.commerce.productName()]), el: rng.pick(['a.btn', 'nav>a', 'footer a[href^="mailto:"]']), ts: Number(rng.digits(13)) };
      return withBody({ method: 'POST', path: rng.pick(['/t/click', '/track/link', '/r']), query: '', headers: browserHeaders(rng, b, `track.${site.replace(/^www\./, '')}`, 'xhr', { origin: `https://${site}`, site: 'same-site' }) }, 'text/plain;charset=UTF-8', JSON.stringify(click));
    }
    switch (rng.int(0, 5)) {
      case 0:
        return { method: 'GET', path: '/url', query: encodePairs([['q', target], ['sa', 'D'], ['source', rng.pick(['editors', 'hangouts', 'docs'])], ['ust', rng.digits(16)], ['usg', `AOvVaw${rng.alnum(22)}`]], 'component'), headers: headers('www.google.com') };
      case 1:
        return { method: 'GET', path: '/', query: encodePairs([['url', target], ['data', `05|02|${en.internet.email()}|${rng.hex(32)}|${rng.hex(32)}|0|0|${rng.digits(18)}|Unknown|TWFpbGZsb3d8eyJWIjoiMC4wLjAwMDAiLCJQIjoiV2luMzIiLCJBTiI6Ik1haWwiLCJXVCI6Mn0=|0|||`], ['sdata', `${rng.alnum(43)}=`], ['reserved', '0']], 'component'), headers: headers(`${rng.pick(['eur', 'nam', 'apc'])}${rng.int(1, 5)}.safelinks.protection.outlook.com`) };
      case 2:
        return { method: 'GET', path: `/ls/click`, query: encodePairs([['upn', `${rng.alnum(60)}-2B${rng.alnum(30)}`]], 'component'), headers: headers(`u${rng.digits(7)}.ct.sendgrid.net`) };
      case 3:
        return { method: 'GET', path: '/l.php', query: encodePairs([['u', target], ['h', `AT${rng.alnum(40)}`], ['__tn__', rng.pick(['-UK-R', '*W-R', 'H-R'])], ['c[0]', `AT${rng.alnum(30)}`]], 'component'), headers: headers('l.facebook.com') };
      case 4: {
        const pairs: [string, string][] = [['e', rng.pick(['click', 'outbound'])], ['href', target], ['text', rng.pick(['Read more', 'Unsubscribe', 'Call us', 'Menu', en.commerce.productName()])], ['el', rng.pick(['a.btn', 'nav>a', 'footer a[href^="mailto:"]', 'a#back-to-top'])], ['ts', rng.digits(13)]];
        return { method: 'GET', path: rng.pick(['/t/click', '/track/link', '/r']), query: encodePairs(pairs, rng.pick(['component', 'form'])), headers: browserHeaders(rng, b, `track.${site.replace(/^www\./, '')}`, 'image', { referer: `https://${site}/`, site: 'same-site' }) };
      }
      default:
        return { method: 'GET', path: `/c/${rng.alnum(6)}/${Buffer.from(target).toString('base64url')}`, query: encodePairs([['m', rng.hex(24)], ['r', rng.hex(24)]], 'component'), headers: headers(`click.${rng.pick(['mailchimp', 'mlsend', 'hubspotlinks'])}.com`) };
    }
  },
};
