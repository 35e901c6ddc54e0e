/**
 * A Referer naming a page of the request's own host (an admin panel's settings page on a private address) is
 * scored as its query values only; a plain path's file names are a page naming what it shows.
 */
import { describe, expect, it } from 'vitest';
import { namedHostRefererParts, sameOriginRefererParts } from '../../src/model/referer-origin.js';

describe('sameOriginRefererParts', () => {
  it('gives the query values of a same-origin Referer, without bare paths', () => {
    expect(sameOriginRefererParts('http://172.24.8.9:2083/cpsess1234/frontend/jupiter/filemanager/editit.html?file=hosts&dir=%2Fetc', '172.24.8.9:2083')).toEqual(['hosts']);
    expect(sameOriginRefererParts('http://192.168.88.83/ui/ids#rules', '192.168.88.83')).toEqual([]);
    expect(sameOriginRefererParts('https://localhost/settings/network', 'localhost:443')).toEqual([]);
    expect(sameOriginRefererParts('http://127.0.0.1:8001/api/v1/namespaces/kubernetes-dashboard/services/https:kubernetes-dashboard:/proxy/#/pod?namespace=default', '127.0.0.1:8001')).toEqual(['default']);
  });

  it('keeps SQL, a traversal or markup in a query value to be scored', () => {
    expect(sameOriginRefererParts("https://shop.example/?id=1' or '1'='1", 'shop.example')).toEqual(["1' or '1'='1"]);
    expect(sameOriginRefererParts('https://shop.example/files?path=../../etc/passwd', 'shop.example')).toEqual(['../../etc/passwd']);
    expect(sameOriginRefererParts('https://shop.example/files?path=/etc/shadow', 'shop.example')).toEqual(['/etc/shadow']);
  });

  it('is null for another host, user info, or a path that is not plain (scored whole)', () => {
    for (const [ref, host] of [
      ['http://169.254.169.254/latest/meta-data/', '10.0.4.12:8080'],
      ['https://shop.example/settings', 'admin.example'],
      ['https://shop.example@evil.example/', 'shop.example'],
      ['https://shop.example/"><script>alert(1)</script>', 'shop.example'],
      ['https://shop.example/a/../../etc/passwd', 'shop.example'],
      ['https://shop.example/a/%2e%2e/%2e%2e/etc/passwd', 'shop.example'],
      ['https://shop.example/${jndi:ldap://x/a}', 'shop.example'],
      ['https://shop.example/#<img src=x onerror=alert(1)>', 'shop.example'],
    ]) expect(sameOriginRefererParts(ref, host), ref).toBeNull();
  });
});

describe('namedHostRefererParts', () => {
  it("scores another named host's page as its path and all its values", () => {
    expect(namedHostRefererParts('https://grafana.internal/d/bYjhjyxaf/rabbitmq?orgId=1&var-namespace=istio-system')).toEqual(['/d/bYjhjyxaf/rabbitmq', '1', 'istio-system']);
    expect(namedHostRefererParts('https://grafana.example.io:3000/explore?orgId=1')).toEqual(['/explore', '1']);
    expect(namedHostRefererParts('https://grafana.example.io/')).toEqual(['/']);
  });

  it('keeps whole an address literal, localhost, a metadata name, a value holding an address, or anything in the path', () => {
    for (const ref of [
      'http://169.254.169.254/latest/meta-data/',
      'http://localhost:3000/d/x',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://images.google.com/images?q=http://%60www.google.com/',
      'https://www.example.test/search?q=select+union',
      'https://grafana.example.io:3000/explore?path=/etc/passwd',
      "https://grafana.internal/d/x'or'1'='1",
      'https://grafana.internal/../../etc/passwd',
      'https://user@grafana.internal/d/x',
    ]) expect(namedHostRefererParts(ref), ref).toBeNull();
  });
});
