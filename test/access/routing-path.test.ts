import { describe, expect, it } from 'vitest';
import { routingPath } from '../../src/access/routing-path.js';
import { buildInspection } from '../../src/inspect/build-inspection.js';

const pathOfInspection = (url: string): string =>
  buildInspection({ method: 'GET', url, httpVersion: '1.1', rawHeaders: ['Host', 'a.test'], body: Buffer.alloc(0), bodyTruncated: false, source: { ip: '::1', port: 1, peerIp: '::1' } }).path;

describe('routingPath', () => {
  it.each([
    '/orders/1',
    '/public/../orders/1?x=1',
    '/public/%2e%2e/orders',
    '/%6frders/%31',
    '//orders//1',
    '/a/./b/../c',
    '/../../etc/passwd',
    '/caf%C3%A9/menu',
    '/%c0%ae%c0%ae/orders',
    '/x%2fy',
    '/ümlaut',
  ])('equals the inspection path the gates and route policy see for %s', (url) => {
    expect(routingPath(url)).toBe(pathOfInspection(url));
  });
});
