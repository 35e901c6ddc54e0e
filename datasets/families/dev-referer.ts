/**
 * Developers' traffic against a staging or production API: Referer and Origin on localhost, a LAN
 * address, `*.local`, tunnels; OAuth and webhook settings pointing at dev hosts; dev-server paths.
 */
import type { Family } from '../lib/family.js';
import { browserHeaders, pickBrowser } from '../lib/clients.js';
import { LOCALE_MIX } from '../lib/people.js';
import { apiHost } from '../lib/sites.js';
import { encodePairs, withBody } from '../lib/wire.js';

export const devReferer: Family = {
  name: 'dev-referer',
  summary: 'Development traffic: Referer/Origin on localhost, 127.0.0.1, [::1], 0.0.0.0, LAN addresses, *.local, ngrok/Codespaces tunnels; redirect_uri and webhook URLs on dev hosts; HMR and dev-server paths.',
  perScale: 3_000,
  make(ctx) {
    const { rng, en } = ctx;
    const b = pickBrowser(rng, rng.weighted(LOCALE_MIX));
    const port = rng.pick(['3000', '3001', '4200', '5173', '8000', '8080', '8081', '5000', '1234', '9000', '4000']);
    const devHost = rng.pick([`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `0.0.0.0:${port}`, `192.168.${rng.int(0, 3)}.${rng.int(2, 254)}:${port}`, `10.0.${rng.int(0, 9)}.${rng.int(2, 254)}:${port}`, `${en.internet.username().toLowerCase()}-mbp.local:${port}`, `${rng.hex(8)}.ngrok-free.app`, `${en.internet.username().toLowerCase()}-${rng.alnum(6).toLowerCase()}-${port}.app.github.dev`, `dev.${en.internet.domainWord()}.test:${port}`, 'localhost']);
    const devUrl = `http://${devHost}`;
    const api = apiHost(rng, en);
    const h = browserHeaders(rng, b, api, 'xhr', { origin: devUrl, referer: `${devUrl}/${rng.pick(['', 'login', 'dashboard', 'settings/integrations', '#/orders'])}`, site: 'cross-site' });
    switch (rng.int(0, 4)) {
      case 0:
        return { method: 'GET', path: rng.pick(['/api/v1/me', '/api/products', '/graphql', '/api/v2/orders']), query: encodePairs([['limit', String(rng.int(5, 50))]], 'form'), headers: h };
      case 1:
        return { method: 'GET', path: '/oauth/authorize', query: encodePairs([['client_id', rng.alnum(24)], ['redirect_uri', `${devUrl}/${rng.pick(['callback', 'auth/callback', 'api/auth/callback/github', 'oauth2/redirect'])}`], ['response_type', 'code'], ['scope', 'openid profile email'], ['state', rng.alnum(16)]], rng.pick(['form', 'component'])), headers: browserHeaders(rng, b, api, 'document', { referer: `${devUrl}/login`, site: 'cross-site' }) };
      case 2:
        return withBody({ method: rng.pick(['POST', 'PUT']), path: rng.pick(['/api/v1/webhooks', '/api/settings/integrations', '/v1/apps/current']), query: '', headers: h }, 'application/json', JSON.stringify({ url: `${devUrl}/${rng.pick(['webhooks/stripe', 'api/hooks', 'events'])}`, events: rng.sample(['order.created', 'order.paid', 'customer.updated'], 2), allowed_origins: [devUrl, `http://localhost:${port}`], description: rng.pick(['local testing', 'dev machine', `${en.person.firstName()}'s laptop`]) }));
      case 3:
        return { method: 'GET', path: rng.pick(['/sockjs-node/info', '/__webpack_hmr', '/@vite/client', '/_next/webpack-hmr', '/@react-refresh', '/__vite_ping', '/livereload.js']), query: rng.chance(0.5) ? encodePairs([['t', rng.digits(13)]], 'form') : '', headers: browserHeaders(rng, b, devHost, 'script', { referer: `${devUrl}/`, site: 'same-origin' }) };
      default:
        return withBody({ method: 'POST', path: '/api/errors', query: '', headers: h }, 'application/json', JSON.stringify({ message: rng.pick(['Failed to fetch', 'CORS error', 'ECONNREFUSED 127.0.0.1:5432']), url: `${devUrl}/${rng.pick(['checkout', 'admin/users'])}`, source: `${devUrl}/src/${rng.pick(['App.tsx', 'main.ts', 'pages/index.vue'])}`, line: rng.int(1, 400) }));
    }
  },
};
