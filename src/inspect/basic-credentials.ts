import { isUtf8 } from 'node:buffer';

/**
 * The user-id of `Authorization: Basic <base64(user-id:password)>` (RFC 7617), or null when the value is
 * not Basic credentials of text. An application that hands the name to a shell or a query (Kemp
 * LoadMaster's `/access` API, CVE-2024-1212) is injected through it; decoded whole, `';id;#:x7Kp2` reads
 * as a credential pair, and the model judges the name alone as it judges a form's user name. The
 * password is not split out: a password is chosen to look like noise (`P4ss';w0rd#`).
 */
export function basicUserId(value: string): string | null {
  if (value.length < 8 || (value.charCodeAt(0) | 0x20) !== 0x62 || value.slice(0, 6).toLowerCase() !== 'basic ') return null;
  const encoded = value.slice(6).trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return null;
  const bytes = Buffer.from(encoded, 'base64');
  if (!isUtf8(bytes)) return null;
  const text = bytes.toString('utf8');
  const colon = text.indexOf(':');
  return colon <= 0 ? null : text.slice(0, colon);
}
