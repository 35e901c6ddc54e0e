/**
 * Ad-tech and analytics beacons as ad servers and tag managers really send them: pipe/semicolon/tilde
 * delimited fields, macros the ad server never expanded (`${CLICK_URL}`, `%%CACHEBUSTER%%`,
 * `[timestamp]`, `__CAMPAIGN_ID__`), JSONP callback names, DoubleClick-style `;key=value` paths.
 */
import type { Family } from '../lib/family.js';
import { browserHeaders, pickBrowser } from '../lib/clients.js';
import { LOCALE_MIX } from '../lib/people.js';
import { webHost } from '../lib/sites.js';
import { encodePairs, slugify, withBody } from '../lib/wire.js';

const MACROS = ['${CLICK_URL}', '${CLICK_URL_ENC}', '%%CACHEBUSTER%%', '%%CLICK_URL_UNESC%%', '%%SITE%%', '[timestamp]', '[CACHEBUSTER]', '{{ad_id}}', '{{campaign.name}}', '__CAMPAIGN_ID__', '__CREATIVE_ID__', '{gdpr}', '${GDPR_CONSENT_755}', '${US_PRIVACY}', '$ADVERTISING_IDENTIFIER', '{lpurl}', '{keyword}', '{matchtype}', '[AD_ID]', '%eaid!', '%ecid!', '%n', '##random##'];

export const adBeacon: Family = {
  name: 'ad-beacon',
  summary: 'Ad-server and tag-manager beacons: pipe/semicolon/tilde-delimited fields, unexpanded macros (${CLICK_URL}, %%CACHEBUSTER%%, [timestamp], __CAMPAIGN_ID__), JSONP callbacks, DoubleClick ;key=value paths, prebid bid JSON.',
  perScale: 3_000,
  make(ctx) {
    const { rng, en } = ctx;
    const b = pickBrowser(rng, rng.weighted(LOCALE_MIX));
    const site = webHost(rng, en);
    const page = `https://${site}/${slugify(en.commerce.productName())}`;
    const macro = () => rng.pick(MACROS);
    const headers = (host: string, fetch: 'image' | 'script' | 'xhr') => browserHeaders(rng, b, host, fetch, { referer: `https://${site}/`, site: 'cross-site' });
    switch (rng.int(0, 6)) {
      case 0: {
        const path = `/ddm/activity/src=${rng.digits(7)};type=${rng.pick(['invmedia', 'sales', 'lead'])};cat=${rng.alnum(8)};u1=${rng.pick([macro(), en.commerce.product()])};dc_lat=;dc_rdid=;tag_for_child_directed_treatment=;tfua=;npa=;gdpr=${rng.pick(['0', '1', '${GDPR}'])};ord=${rng.pick([rng.digits(16), macro()])}`;
        return { method: 'GET', path: path.replace(/[{}$ ]/g, (c) => encodeURIComponent(c)), query: '', headers: headers('ad.doubleclick.net', 'image') };
      }
      case 1: {
        const pairs: [string, string][] = [['c1', '2'], ['c2', rng.digits(7)], ['ns_ap_sv', '2.1'], ['c7', page], ['c8', en.commerce.productName()], ['c9', `https://${site}/`], ['cs_ucfr', rng.pick(['1', ''])], ['rn', rng.pick([rng.digits(13), macro()])]];
        return { method: 'GET', path: '/b', query: encodePairs(pairs, 'component'), headers: headers('sb.scorecardresearch.com', 'image') };
      }
      case 2: {
        const cb = rng.pick([`jQuery${rng.digits(20)}_${rng.digits(13)}`, `__jp${rng.int(0, 40)}`, `jsonp_${rng.digits(13)}_${rng.int(10000, 99999)}`, `window.__cmp_cb_${rng.int(0, 9)}`, `angular.callbacks._${rng.int(0, 9)}`, 'pbjs.handleRequest', `_${rng.hex(8)}`]);
        const pairs: [string, string][] = [[rng.pick(['callback', 'cb', 'jsonp', 'jsoncallback']), cb], ['url', page], ['_', rng.digits(13)]];
        if (rng.chance(0.5)) pairs.push(['fields', rng.pick(['id|name|price', 'title;image;url', 'a~b~c'])]);
        return { method: 'GET', path: rng.pick(['/count', '/api/share/counts', '/ads/sync', '/getuid', '/v1/consent']), query: encodePairs(pairs, rng.pick(['component', 'form'])), headers: headers(rng.pick(['api.sharecount.example', 'sync.adnetwork.example', 'cdn.tagmgr.example']), 'script') };
      }
      case 3: {
        const pairs: [string, string][] = [['e', rng.pick(['imp', 'click', 'viewable', 'vast_start', 'q1', 'mid', 'q3', 'complete'])], ['cid', rng.pick([rng.digits(8), macro()])], ['crid', rng.pick([rng.digits(9), macro()])], ['pub', `${rng.digits(5)}|${en.company.name()}|${site}`], ['sz', rng.pick(['300x250', '728x90', '320x50|300x250', '160x600'])], ['kv', `pos=${rng.pick(['atf', 'btf'])};sect=${rng.pick(['home', 'news', 'sport'])};pg=${slugify(en.commerce.product())}`], ['gdpr_consent', rng.pick([`CP${rng.alnum(40)}`, macro()])], ['cb', rng.pick([rng.digits(10), macro()])], ['redir', rng.pick([macro(), `${macro()}${encodeURIComponent(page)}`])]];
        return { method: 'GET', path: rng.pick(['/imp', '/track/imp', '/pixel.gif', '/v/e']), query: encodePairs(pairs, rng.pick(['component', 'typed'])), headers: headers(rng.pick(['ads.example-ssp.com', 'track.adnet.example', 'px.dsp.example']), 'image') };
      }
      case 4: {
        const bids = Array.from({ length: rng.int(1, 4) }, () => ({ bidder: rng.pick(['appnexus', 'rubicon', 'ix', 'openx', 'pubmatic']), adUnitCode: rng.pick(['div-gpt-ad-1234567-0', '/2134/home/top_728x90', 'sidebar|300x250']), cpm: Math.round(rng.float() * 500) / 100, size: rng.pick(['300x250', '728x90']), ad: rng.chance(0.3) ? `<div id="ad"><a href="${macro()}"><img src="https://cdn.adnet.example/${rng.hex(12)}.jpg"></a></div>` : undefined, meta: { advertiserDomains: [rng.pick(['brand.example', 'shop.example'])] } }));
        return withBody({ method: 'POST', path: '/analytics', query: '', headers: headers('pbjs-analytics.example', 'xhr') }, 'text/plain;charset=utf-8', JSON.stringify({ auctionId: rng.uuid(), timeout: 1500, bidsReceived: bids, referer: page }));
      }
      case 5: {
        const dl = `event:${rng.pick(['gtm.js', 'gtm.dom', 'gtm.load', 'purchase'])}|ecommerce.value:${en.commerce.price()}|items:${rng.alnum(8)}*${rng.int(1, 5)}~${rng.alnum(8)}*${rng.int(1, 5)}`;
        return { method: 'GET', path: '/collect', query: encodePairs([['v', '1'], ['t', 'event'], ['tid', `UA-${rng.digits(8)}-${rng.int(1, 9)}`], ['cd1', dl], ['cd2', macro()], ['el', rng.pick(['header>nav>a:nth-child(2)', 'Add to cart | PDP', 'cta;primary;blue'])], ['z', rng.digits(10)]], 'component'), headers: headers('www.google-analytics.com', 'image') };
      }
      default: {
        const vast = `<VAST version="4.0"><Ad id="${rng.digits(6)}"><InLine><Impression><![CDATA[https://track.adnet.example/imp?cb=${macro()}&ts=[TIMESTAMP]]]></Impression><Error><![CDATA[https://track.adnet.example/err?code=[ERRORCODE]]]></Error></InLine></Ad></VAST>`;
        return withBody({ method: 'POST', path: '/vast/log', query: '', headers: headers('player-logs.example', 'xhr') }, 'application/json', JSON.stringify({ placement: rng.pick(['preroll', 'midroll']), vast, macrosUnresolved: [macro(), macro()] }));
      }
    }
  },
};
