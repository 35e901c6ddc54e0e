import type { ApiKeyLocations } from './api-keys.js';

export interface PresentedCredentials {
  apiKey: string | null;
  bearer: string | null;
}

function queryValue(url: string, name: string): string | null {
  const q = url.indexOf('?');
  if (q < 0) return null;
  for (const pair of url.slice(q + 1).split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq) !== name) continue;
    try {
      return decodeURIComponent(pair.slice(eq + 1).replaceAll('+', ' '));
    } catch {
      return pair.slice(eq + 1);
    }
  }
  return null;
}

/**
 * The credentials a request presents, from where the config says they travel: an API key in its
 * header, query parameter or Authorization scheme; a JWT as `Authorization: Bearer`. Only the first
 * Authorization header counts, as for the upstream.
 */
export function readCredentials(rawHeaders: readonly string[], url: string, keys: ApiKeyLocations | null, bearer: boolean): PresentedCredentials {
  let apiKey: string | null = null;
  let token: string | null = null;
  let authorizationSeen = false;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    if (name === 'authorization' && !authorizationSeen) {
      authorizationSeen = true;
      const value = rawHeaders[i + 1].trim();
      const sp = value.indexOf(' ');
      if (sp <= 0) continue;
      const scheme = value.slice(0, sp).toLowerCase();
      const credential = value.slice(sp + 1).trim();
      if (credential === '') continue;
      if (bearer && scheme === 'bearer') token = credential;
      else if (keys !== null && keys.scheme !== null && scheme === keys.scheme) apiKey ??= credential;
    } else if (keys !== null && keys.header !== null && name === keys.header && apiKey === null) {
      const value = rawHeaders[i + 1].trim();
      if (value !== '') apiKey = value;
    }
  }
  if (apiKey === null && keys !== null && keys.query !== null) {
    const value = queryValue(url, keys.query);
    if (value !== null && value !== '') apiKey = value;
  }
  return { apiKey, bearer: token };
}
