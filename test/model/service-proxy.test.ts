/**
 * The Kubernetes API server's service proxy segment (service-proxy.ts): `[scheme:]name[:port]` right between
 * `api/v1/namespaces/<ns>/services` (or `pods`) and `proxy`, and nowhere else.
 */
import { describe, expect, it } from 'vitest';
import { isServiceProxySegment } from '../../src/model/service-proxy.js';

const segment = (path: string, i: number) => isServiceProxySegment({ location: 'path', name: `segment[${i}]`, role: 'value', raw: path.split('/').filter(Boolean)[i] ?? '', decoded: [] }, path);

describe('isServiceProxySegment', () => {
  it("takes the proxy's service reference, with a cluster manager's prefix too", () => {
    expect(segment('/api/v1/namespaces/monitoring/services/https:grafana:3000/proxy/api/health', 5)).toBe(true);
    expect(segment('/api/v1/namespaces/observability/services/https:elasticsearch-master:/proxy/', 5)).toBe(true);
    expect(segment('/k8s/clusters/c-g972ikpd/api/v1/namespaces/monitoring/services/http:grafana:http/proxy/search', 8)).toBe(true);
    expect(segment('/api/v1/namespaces/default/pods/http:grafana-7f9c:3000/proxy/metrics', 5)).toBe(true);
  });
  it('refuses another place, another resource, an address, a lookup, or a segment that is not the one named', () => {
    for (const [p, i] of [
      ['/api/v1/namespaces/monitoring/services/https:grafana:3000/x/proxy', 5],
      ['/api/v2/namespaces/monitoring/services/https:grafana:3000/proxy/', 5],
      ['/api/v1/namespaces/monitoring/configmaps/https:grafana:3000/proxy/', 5],
      ['/api/v1/namespaces/../services/https:grafana:3000/proxy/', 5],
      ['/api/v1/namespaces/m/services/http:169.254.169.254:80/proxy/', 5],
      ['/api/v1/namespaces/m/services/jndi:ldap:1389/proxy/', 5],
      ['/api/v1/namespaces/m/services/https:a@b:80/proxy/', 5],
      ['/api/v1/namespaces/m/services/https:grafana:3000/proxy/https:x:1', 7],
      ['/files/https:grafana:3000/proxy/', 1],
    ] as const)
      expect(segment(p, i), p).toBe(false);
  });
});
