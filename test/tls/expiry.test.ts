import { describe, expect, it } from 'vitest';
import { DAY_MS, certificateExpiry } from '../../src/tls/expiry.js';

describe('certificateExpiry', () => {
  const now = Date.parse('2026-12-04T00:00:00Z');

  it('is valid beyond the warning window, expiring inside it, expired at and after notAfter', () => {
    expect(certificateExpiry(new Date(now + 30 * DAY_MS), 14, now)).toEqual({ leftMs: 30 * DAY_MS, daysLeft: 30, state: 'valid' });
    expect(certificateExpiry(new Date(now + 14 * DAY_MS), 14, now).state).toBe('valid');
    expect(certificateExpiry(new Date(now + 14 * DAY_MS - 1), 14, now)).toMatchObject({ daysLeft: 13, state: 'expiring' });
    expect(certificateExpiry(new Date(now), 14, now).state).toBe('expired');
    expect(certificateExpiry(new Date(now - DAY_MS / 2), 14, now)).toMatchObject({ daysLeft: -1, state: 'expired' });
  });

  it('with a warning window of 0 days only an expired certificate is reported', () => {
    expect(certificateExpiry(new Date(now + 1), 0, now).state).toBe('valid');
    expect(certificateExpiry(new Date(now - 1), 0, now).state).toBe('expired');
  });
});
