/**
 * A body that is one padded base64 token is read as the token (ws37, session 37): the form shape took it for a field named
 * by the token, and a field name gets no base64 decoding, so `;cat /etc/passwd` in the JSON it encodes passed as a
 * text/plain, untyped or octet-stream body. Through the full pipeline (`warden eval`: bundled rules, shipped model).
 */
import { describe, expect, it } from 'vitest';
import { looksLikeForm } from '../../../src/inspect/bodies/body-kind.js';
import { recordVerdicts } from '../../model/carrier-verdicts.js';

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64');

describe('a body that is one padded base64 token', () => {
  it('is not a form; a real form, or a field holding base64, still is', () => {
    expect(looksLikeForm(Buffer.from(b64({ q: ';cat /etc/passwd' })))).toBe(false);
    expect(looksLikeForm(Buffer.from('a=1&b=two'))).toBe(true);
    expect(looksLikeForm(Buffer.from(`data=${b64({ a: 1 })}`))).toBe(true);
    expect(looksLikeForm(Buffer.from('q='))).toBe(true);
  });

  it('is decoded and judged: a command in the JSON it encodes is blocked, an order is not', async () => {
    const records = [undefined, 'text/plain', 'application/octet-stream'].flatMap((type) =>
      (
        [
          ['attack', { q: ';cat /etc/passwd' }],
          ['benign', { order: 1234, items: [{ sku: 'A-1', qty: 2 }], note: 'leave at the door' }],
        ] as const
      ).map(([label, value]) => ({
        id: `${label} ${type ?? 'untyped'}`,
        source: 'unit',
        label,
        category: 'base64-body',
        method: 'POST',
        path: '/api/run',
        query: '',
        headers: { Host: 'api.example.test', ...(type === undefined ? {} : { 'Content-Type': type }) },
        body: b64(value),
      })),
    );
    const verdicts = await recordVerdicts(records);
    expect(Object.fromEntries(verdicts)).toEqual({
      'attack untyped': 'block',
      'benign untyped': 'allow',
      'attack text/plain': 'block',
      'benign text/plain': 'allow',
      'attack application/octet-stream': 'block',
      'benign application/octet-stream': 'allow',
    });
  }, 60_000);
});
