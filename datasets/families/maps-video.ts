/** Map and video traffic: tile pyramids, geocoding, static maps with pipe-delimited paths and encoded polylines; HLS/DASH segments, signed playback URLs, watch-time beacons. */
import type { Family } from '../lib/family.js';
import { browserHeaders, pickBrowser } from '../lib/clients.js';
import { LOCALE_MIX } from '../lib/people.js';
import { webHost } from '../lib/sites.js';
import { encodePairs, withBody } from '../lib/wire.js';

function polyline(rng: import('../lib/rng.js').Rng): string {
  const chars = '?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~';
  return Array.from({ length: rng.int(12, 60) }, () => rng.pick([...chars])).join('');
}

export const mapsVideo: Family = {
  name: 'maps-video',
  summary: 'Maps and video: z/x/y tiles, geocoding, static maps with pipe-delimited markers/paths and encoded polylines (every printable symbol), directions; HLS/DASH segments and manifests, signed playback URLs with byte ranges, watch-time beacons.',
  perScale: 3_000,
  make(ctx) {
    const { rng, en } = ctx;
    const b = pickBrowser(rng, rng.weighted(LOCALE_MIX));
    const site = webHost(rng, en);
    const lat = () => (rng.float() * 140 - 70).toFixed(6);
    const lon = () => (rng.float() * 340 - 170).toFixed(6);
    const z = rng.int(3, 19);
    if (rng.chance(0.2)) {
      // Player analytics: a batch of playback events as JSON.
      const events = Array.from({ length: rng.int(1, 5) }, (_, i) => ({ e: rng.pick(['play', 'pause', 'seeked', 'rebuffer', 'renditionchange', 'error']), t: Number(rng.digits(13)) + i, pos: Math.round(rng.float() * 3600 * 1000) / 1000, rendition: rng.pick(['1920x1080@6000k', '1280x720|3000k', '640x360;800k']), err: rng.chance(0.1) ? 'MEDIA_ERR_DECODE: PIPELINE_ERROR_DECODE (video decoder reinitialization failed)' : undefined }));
      return withBody({ method: 'POST', path: rng.pick(['/v1/events', '/collect/player', '/api/v2/beacons']), query: '', headers: browserHeaders(rng, b, `analytics.${site.replace(/^www\./, '')}`, 'xhr', { origin: `https://${site}`, site: 'same-site' }) }, rng.pick(['application/json', 'text/plain;charset=UTF-8']), JSON.stringify({ session: rng.uuid(), video_id: rng.alnum(11), events }));
    }
    switch (rng.int(0, 5)) {
      case 0:
        return { method: 'GET', path: `/${rng.pick(['tiles', 'styles/v1/streets/tiles/512', 'vt/lyrs=m'])}/${z}/${rng.int(0, 2 ** z - 1)}/${rng.int(0, 2 ** z - 1)}${rng.pick(['.png', '.pbf', '@2x.png', '.webp', ''])}`, query: rng.chance(0.5) ? encodePairs([['access_token', `pk.${rng.alnum(60)}`]], 'form') : '', headers: browserHeaders(rng, b, rng.pick(['tile.openstreetmap.org', 'api.mapbox.com', 'mt1.google.com']), 'image', { referer: `https://${site}/`, site: 'cross-site' }) };
      case 1:
        return { method: 'GET', path: '/maps/api/staticmap', query: encodePairs([['size', '600x300'], ['markers', `size:mid|color:red|label:${rng.pick(['S', 'A', '1'])}|${lat()},${lon()}`], ['path', rng.chance(0.5) ? `color:0x0000ff|weight:5|${lat()},${lon()}|${lat()},${lon()}` : `enc:${polyline(rng)}`], ['key', `AIza${rng.alnum(35)}`]], rng.pick(['component', 'form'])), headers: browserHeaders(rng, b, 'maps.googleapis.com', 'image', { referer: `https://${site}/`, site: 'cross-site' }) };
      case 2:
        return { method: 'GET', path: `/directions/v5/mapbox/${rng.pick(['driving', 'walking', 'cycling'])}/${lon()},${lat()};${lon()},${lat()}`, query: encodePairs([['geometries', rng.pick(['polyline6', 'geojson'])], ['overview', 'full'], ['steps', 'true'], ['access_token', `pk.${rng.alnum(60)}`]], 'form'), headers: browserHeaders(rng, b, 'api.mapbox.com', 'xhr', { origin: `https://${site}`, site: 'cross-site' }) };
      case 3:
        return { method: 'GET', path: `/${rng.pick(['hls', 'vod', 'live'])}/${rng.hex(16)}/${rng.pick(['1080p', '720p', '480p', 'audio_128k'])}/${rng.pick(['segment', 'seg', 'chunk'])}_${String(rng.int(0, 9999)).padStart(5, '0')}.${rng.pick(['ts', 'm4s', 'aac'])}`, query: encodePairs([['token', rng.alnum(32)], ['expires', rng.digits(10)]], 'form'), headers: browserHeaders(rng, b, `cdn.${site.replace(/^www\./, '')}`, 'xhr', { origin: `https://${site}`, site: 'same-site' }) };
      case 4: {
        const h = browserHeaders(rng, b, `rr${rng.int(1, 9)}---sn-${rng.alnum(8).toLowerCase()}.googlevideo.com`, 'xhr', { origin: 'https://www.youtube.com', site: 'cross-site' });
        return { method: 'GET', path: '/videoplayback', query: encodePairs([['expire', rng.digits(10)], ['ei', rng.alnum(20)], ['ip', `${rng.int(1, 223)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`], ['id', `o-${rng.alnum(40)}`], ['itag', String(rng.pick([137, 248, 251, 140]))], ['source', 'youtube'], ['requiressl', 'yes'], ['mime', rng.pick(['video/mp4', 'audio/webm'])], ['dur', `${rng.int(30, 4000)}.${rng.digits(3)}`], ['sparams', 'expire,ei,ip,id,itag,source,requiressl,mime,dur'], ['sig', `AJfQdSsw${rng.alnum(60)}`], ['range', `${rng.int(0, 99999)}-${rng.int(100000, 999999)}`], ['rn', String(rng.int(1, 40))]], 'component'), headers: h };
      }
      default:
        return { method: 'GET', path: '/api/stats/watchtime', query: encodePairs([['ns', 'yt'], ['el', 'detailpage'], ['cpn', rng.alnum(16)], ['ver', '2'], ['cmt', `${rng.int(0, 900)}.${rng.digits(3)}`], ['fmt', String(rng.pick([137, 248, 22]))], ['fs', '0'], ['rt', `${rng.int(1, 900)}.${rng.digits(3)}`], ['st', `${rng.int(0, 400)}.${rng.digits(3)},${rng.int(400, 800)}.${rng.digits(3)}`], ['et', `${rng.int(0, 400)}.${rng.digits(3)},${rng.int(400, 800)}.${rng.digits(3)}`], ['state', rng.pick(['playing', 'paused', 'buffering'])], ['volume', String(rng.int(0, 100))], ['docid', rng.alnum(11)]], 'component'), headers: browserHeaders(rng, b, 'www.youtube.com', 'xhr', { referer: `https://www.youtube.com/watch?v=${rng.alnum(11)}`, site: 'same-origin' }) };
    }
  },
};
