/**
 * The Kubernetes API server's service proxy names a service in one path segment as `[scheme:]name[:port]`
 * (`/api/v1/namespaces/monitoring/services/https:grafana:3000/proxy/api/health`; kubectl proxy, Rancher's
 * `/k8s/clusters/c-…/api/v1/…`, a dashboard's links). The model read that segment alone as a scheme and a host
 * (`https:kubernetes-dashboard:https` 0.97, `http:elasticsearch-master:9200` 0.82): issue 14's `cluster-paths` family,
 * 36 of seed 7's 40 blocked (session 32, adm32b's "left").
 *
 * `isServiceProxySegment(target, rawPath)`: the target is the path segment that the API's grammar makes a service's
 * reference, and nothing else: the segments before it are `api/v1/namespaces/<a DNS label>/services` (or `pods`; with any
 * prefix), the one after it is `proxy`, and the segment is an optional `http:`/`https:`, a DNS label, and an optional
 * `:port` (digits or a port's name). Only that segment is not scored: the whole path and every other segment
 * (what follows `proxy/`: `../../etc/passwd`, a query) stay judged as before.
 */
import type { Target } from '../inspect/types.js';

const SEGMENT_NAME = /^segment\[(\d{1,4})\]$/;
const SERVICE_REF = /^(?:https?:)?[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?::(?:\d{1,5}|[a-z][a-z0-9-]{0,14})?)?$/;
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function isServiceProxySegment(target: Target, rawPath: string): boolean {
  if (target.location !== 'path' || !SERVICE_REF.test(target.raw) || !target.raw.includes(':')) return false;
  const m = SEGMENT_NAME.exec(target.name);
  if (m === null || rawPath.length > 2048) return false;
  const i = Number(m[1]);
  const segments = rawPath.split('/').filter((s) => s.length > 0);
  return (
    i >= 5 &&
    segments[i] === target.raw &&
    segments[i + 1] === 'proxy' &&
    (segments[i - 1] === 'services' || segments[i - 1] === 'pods') &&
    DNS_LABEL.test(segments[i - 2]) &&
    segments[i - 3] === 'namespaces' &&
    segments[i - 4] === 'v1' &&
    segments[i - 5] === 'api'
  );
}
