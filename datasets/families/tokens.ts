/** Requests whose values are tokens: OAuth exchanges, magic links, signed URLs, JWTs, hex/base64/UUID ids. */
import type { Family, GenContext } from '../lib/family.js';
import { browserHeaders, cookieJar, pickAppUa, pickBrowser, pickServerUa } from '../lib/clients.js';
import { LOCALE_MIX } from '../lib/people.js';
import { apiKey, jwt } from '../lib/secrets.js';
import { apiHost, webHost } from '../lib/sites.js';
import { cookieHeader, encodePairs, withBody, type WireRequest } from '../lib/wire.js';

type Maker = (ctx: GenContext) => WireRequest;

const server = (ctx: GenContext, host: string): Record<string, string> => ({ Host: host, 'User-Agent': ctx.rng.chance(0.5) ? pickServerUa(ctx.rng) : pickAppUa(ctx.rng), Accept: 'application/json' });

const oauthToken: Maker = (ctx) => {
  const { rng, en } = ctx;
  const host = rng.pick(['auth.', 'login.', 'id.', 'accounts.']) + webHost(rng, en).replace(/^www\./, '');
  const grant = rng.pick(['authorization_code', 'refresh_token', 'client_credentials', 'urn:ietf:params:oauth:grant-type:jwt-bearer', 'urn:ietf:params:oauth:grant-type:device_code']);
  const pairs: [string, string][] = [['grant_type', grant]];
  if (grant === 'authorization_code') pairs.push(['code', rng.chance(0.5) ? rng.base64(32, true) : `${rng.digits(1)}/${rng.base64(40, true)}`], ['redirect_uri', `https://${webHost(rng, en)}/auth/callback`], ['code_verifier', rng.base64(48, true)]);
  if (grant === 'refresh_token') pairs.push(['refresh_token', rng.chance(0.5) ? rng.base64(48, true) : jwt(rng)]);
  if (grant.endsWith('jwt-bearer')) pairs.push(['assertion', jwt(rng)]);
  if (grant.endsWith('device_code')) pairs.push(['device_code', rng.base64(32, true)]);
  pairs.push(['client_id', rng.chance(0.5) ? rng.uuid() : rng.alnum(20)]);
  if (rng.chance(0.5)) pairs.push(['client_secret', rng.base64(32, true)]);
  if (rng.chance(0.4)) pairs.push(['scope', rng.pick(['openid profile email offline_access', 'read write', 'https://www.googleapis.com/auth/drive.readonly', 'api://default/.default'])]);
  const headers = server(ctx, host);
  if (rng.chance(0.3)) headers.Authorization = `Basic ${Buffer.from(`${rng.alnum(20)}:${rng.base64(30, true)}`).toString('base64')}`;
  return withBody({ method: 'POST', path: rng.pick(['/oauth/token', '/oauth2/token', '/connect/token', '/oauth2/v1/token', '/token', '/realms/main/protocol/openid-connect/token']), query: '', headers }, 'application/x-www-form-urlencoded', encodePairs(pairs));
};

const browserLinks: Maker = (ctx) => {
  const { rng, en } = ctx;
  const locale = rng.weighted(LOCALE_MIX);
  const host = webHost(rng, en);
  const headers = browserHeaders(rng, pickBrowser(rng, locale), host, 'document', { site: 'cross-site', referer: rng.chance(0.3) ? rng.pick(['https://mail.google.com/', 'https://outlook.live.com/']) : undefined, cookie: rng.chance(0.5) ? cookieHeader(cookieJar(rng, { locale })) : undefined });
  const link = rng.weighted<() => [string, [string, string][]]>([
    [() => ['/auth/callback', [['code', rng.base64(30, true)], ['state', rng.base64(24, true)], ...(rng.chance(0.5) ? [['scope', 'openid email profile'] as [string, string]] : []), ...(rng.chance(0.3) ? [['session_state', `${rng.uuid()}.${rng.base64(16, true)}`] as [string, string]] : [])]], 4],
    [() => [rng.pick(['/verify-email', '/email/verify', '/confirm', '/activate']), [['token', rng.chance(0.5) ? rng.hex(64) : jwt(rng, { purpose: 'email_verify' })], ...(rng.chance(0.5) ? [['email', en.internet.email()] as [string, string]] : [])]], 3],
    [() => ['/magic-link', [['token', rng.base64(32, true)], ['redirect', '/dashboard']]], 2],
    [() => [`/password/reset/${rng.hex(64)}`, [['email', en.internet.email()]]], 2],
    [() => [`/unsubscribe/${rng.base64(24, true)}`, [['list', String(rng.int(1, 40))], ['sig', rng.hex(40)]]], 2],
    [() => ['/invite/accept', [['invitation_token', rng.alnum(20)], ['org', String(rng.int(1, 9999))]]], 1],
    [() => [`/share/${rng.alnum(22)}`, [['key', rng.base64(16, true)]]], 1],
    [() => ['/saml/acs', []], 0.5],
  ] as const)();
  return { method: 'GET', path: link[0], query: encodePairs(link[1], rng.chance(0.7) ? 'form' : 'component'), headers };
};

const signedUrl: Maker = (ctx): WireRequest => {
  const { rng, en } = ctx;
  const bucket = en.helpers.slugify(`${en.company.name()}-${rng.pick(['assets', 'uploads', 'media', 'backups'])}`).toLowerCase().replace(/[^a-z0-9-]/g, '');
  const key = `${rng.pick(['uploads', 'invoices', 'avatars', 'exports'])}/${rng.uuid()}/${en.system.commonFileName(rng.pick(['pdf', 'jpg', 'csv', 'zip']))}`;
  const date = `2025${String(rng.int(1, 6)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}T${rng.digits(6)}Z`;
  const style = rng.int(0, 2);
  if (style === 0) {
    const pairs: [string, string][] = [['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'], ['X-Amz-Credential', `AKIA${rng.alnum(16).toUpperCase()}/${date.slice(0, 8)}/${rng.pick(['eu-central-1', 'us-east-1', 'ap-northeast-1'])}/s3/aws4_request`], ['X-Amz-Date', date], ['X-Amz-Expires', String(rng.pick([300, 900, 3600, 604800]))], ['X-Amz-SignedHeaders', 'host'], ['X-Amz-Signature', rng.hex(64)]];
    if (rng.chance(0.3)) pairs.splice(4, 0, ['X-Amz-Security-Token', rng.base64(400)]);
    if (rng.chance(0.3)) pairs.push(['response-content-disposition', `attachment; filename="${en.system.commonFileName('pdf')}"`]);
    return { method: rng.chance(0.8) ? 'GET' : 'PUT', path: `/${key}`, query: encodePairs(pairs, 'component'), headers: { Host: `${bucket}.s3.amazonaws.com`, 'User-Agent': rng.chance(0.5) ? pickServerUa(rng) : pickBrowser(rng, 'en_US').userAgent, Accept: '*/*' } };
  }
  if (style === 1) {
    return { method: 'GET', path: `/${bucket}/${key}`, query: encodePairs([['GoogleAccessId', `${en.internet.username().toLowerCase()}@${bucket}.iam.gserviceaccount.com`], ['Expires', String(rng.int(1748000000, 1750000000))], ['Signature', rng.base64(256)]], 'component'), headers: { Host: 'storage.googleapis.com', 'User-Agent': pickServerUa(rng), Accept: '*/*' } };
  }
  return { method: 'GET', path: `/${bucket}/${key}`, query: encodePairs([['sv', '2023-11-03'], ['st', `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T10:00:00Z`], ['se', `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T18:00:00Z`], ['sr', 'b'], ['sp', rng.pick(['r', 'rw', 'racwdl'])], ['sig', rng.base64(32)]], 'component'), headers: { Host: `${bucket.replace(/-/g, '').slice(0, 24)}.blob.core.windows.net`, 'User-Agent': pickServerUa(rng), Accept: '*/*', 'x-ms-version': '2023-11-03' } };
};

const apiWithTokens: Maker = (ctx) => {
  const { rng, en } = ctx;
  const host = apiHost(rng, en);
  const headers = server(ctx, host);
  return rng.weighted<() => WireRequest>([
    [() => ({ method: 'GET', path: `/v1/sessions/${rng.hex(32)}`, query: '', headers: { ...headers, Authorization: `Bearer ${jwt(rng)}` } }), 2],
    [() => ({ method: 'GET', path: '/api/verify', query: encodePairs([['token', jwt(rng)]]), headers }), 2],
    [() => ({ method: 'GET', path: `/files/${rng.uuid()}`, query: encodePairs([['access_token', apiKey(rng)]]), headers }), 2],
    [() => ({ method: 'GET', path: `/api/ws/ticket`, query: encodePairs([['ticket', rng.base64(32)]], 'component'), headers }), 1],
    [() => withBody({ method: 'POST', path: '/api/push/register', query: '', headers: { ...headers, Authorization: `Bearer ${jwt(rng)}` } }, 'application/json', JSON.stringify({ token: rng.chance(0.5) ? rng.hex(64) : `${rng.base64(16, true)}:APA91b${rng.base64(110, true)}`, platform: rng.pick(['apns', 'fcm']), device_id: rng.uuid() })), 2],
    [() => withBody({ method: 'POST', path: '/oauth/revoke', query: '', headers }, 'application/x-www-form-urlencoded', encodePairs([['token', rng.base64(40, true)], ['token_type_hint', rng.pick(['access_token', 'refresh_token'])]])), 1],
    [() => withBody({ method: 'POST', path: '/api/keys', query: '', headers: { ...headers, Authorization: `Bearer ${jwt(rng)}` } }, 'application/json', JSON.stringify({ name: `${en.word.noun()}-${rng.pick(['ci', 'prod', 'local'])}`, public_key: `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA${rng.base64(32).replace(/=+$/, '')} ${en.internet.email()}`, fingerprint: `SHA256:${rng.base64(32).replace(/=+$/, '')}` })), 1],
    [() => withBody({ method: 'POST', path: '/api/webauthn/register', query: '', headers }, 'application/json', JSON.stringify({ id: rng.base64(32, true), rawId: rng.base64(32, true), type: 'public-key', response: { clientDataJSON: Buffer.from(JSON.stringify({ type: 'webauthn.create', challenge: rng.base64(32, true), origin: `https://${host}` })).toString('base64url'), attestationObject: rng.base64(200, true) } })), 1],
    [() => ({ method: 'GET', path: `/i/${rng.hex(40)}`, query: encodePairs([['h', rng.hex(8)], ['etag', rng.hex(32)]]), headers }), 1],
    [() => ({ method: 'GET', path: '/api/orders', query: encodePairs([['api_key', apiKey(rng)], ['ids', `${rng.uuid()},${rng.uuid()}`]]), headers }), 1],
  ] as const)();
};

const samlPost: Maker = (ctx) => {
  const { rng, en } = ctx;
  const host = webHost(rng, en);
  const response = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_${rng.hex(32)}" Version="2.0" IssueInstant="2025-06-01T10:00:00Z"><saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">https://idp.${host}/</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status><saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"><saml:Subject><saml:NameID>${en.internet.email()}</saml:NameID></saml:Subject><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignatureValue>${rng.base64(256)}</ds:SignatureValue></ds:Signature></saml:Assertion></samlp:Response>`;
  const headers = browserHeaders(rng, pickBrowser(rng, 'en_US'), host, 'form', { origin: `https://idp.${host}`, site: 'cross-site', referer: `https://idp.${host}/` });
  return withBody({ method: 'POST', path: rng.pick(['/saml/acs', '/auth/saml/callback', '/sso/saml2']), query: '', headers }, 'application/x-www-form-urlencoded', encodePairs([['SAMLResponse', Buffer.from(response).toString('base64')], ['RelayState', rng.chance(0.5) ? `/app/${rng.int(1, 999)}` : rng.base64(24, true)]]));
};

export const tokens: Family = {
  name: 'tokens',
  summary: 'Token-valued requests: OAuth token exchanges and callbacks, email verification and magic links, S3/GCS/Azure signed URLs, JWTs and API keys in headers and query, push tokens, SSH keys, WebAuthn, SAMLResponse.',
  perScale: 6_000,
  make(ctx) {
    return ctx.rng.weighted<Maker>([[oauthToken, 2], [browserLinks, 3], [signedUrl, 2], [apiWithTokens, 3], [samlPost, 0.5]])(ctx);
  },
};
