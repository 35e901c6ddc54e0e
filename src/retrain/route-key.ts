import type { Inspection } from '../inspect/types.js';
import { WEBSOCKET_MESSAGE_METHOD } from '../eval/record.js';

/**
 * The route a request belongs to, for per-endpoint learning and replay reports: method plus the path
 * with identifier-like segments (numbers, UUIDs, long hex, long opaque tokens) folded to `{id}`, so
 * `/posts/17/comments` and `/posts/42/comments` learn as one endpoint.
 */
const ID_SEGMENT = /^(?:\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{12,}|[A-Za-z0-9_-]{24,})$/i;

export function routeKey(method: string, path: string): string {
  const q = path.indexOf('?');
  const bare = q >= 0 ? path.slice(0, q) : path;
  const segments = bare.split('/').map((s) => (ID_SEGMENT.test(s) ? '{id}' : s));
  return `${method.toUpperCase()} ${segments.join('/') || '/'}`;
}

/**
 * The route an inspection belongs to: a WebSocket message's is `WEBSOCKET /chat`, apart from its handshake's
 * `GET /chat` (and from any HTTP request to that path): a message field is learned and reported as such.
 */
export function inspectionRoute(inspection: Pick<Inspection, 'method' | 'path' | 'websocket'>): string {
  return routeKey(inspection.websocket === undefined ? inspection.method : WEBSOCKET_MESSAGE_METHOD, inspection.path);
}

/** A field of a route: `POST /posts body:content`. */
export function targetKey(route: string, location: string, name: string): string {
  // Array indices vary per request (`items[3].text`); the field is the same.
  return `${route} ${location}:${name.replace(/\[\d+\]/g, '[]')}`;
}
