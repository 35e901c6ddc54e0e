/**
 * Kubernetes and cloud API paths whose segments name services by scheme, name and port: the API server's
 * service, pod and node proxies (`/services/http:grafana:3000/proxy/`, `pods/web-0:8080/proxy/metrics`) as
 * kubectl proxy, the Dashboard, Rancher, Lens and Headlamp send them; pod logs and port-forwards; Services and
 * EndpointSlices with named ports; Argo CD resource views; Grafana datasource proxies; Consul and Nomad
 * catalogs; AWS ARNs, GCP resource names and Azure resource IDs in paths. The Referer is often kubectl proxy's
 * own local address. Issue 14's model-side false positives of session 26: the proxy segment scored 0.94.
 */
import type { Family } from '../lib/family.js';
import { browserHeaders, pickBrowser } from '../lib/clients.js';
import type { Rng } from '../lib/rng.js';
import { encodePairs, withBody, type WireRequest } from '../lib/wire.js';

const NAMESPACES = ['default', 'monitoring', 'kube-system', 'ingress-nginx', 'cattle-monitoring-system', 'observability', 'argocd', 'prod', 'staging', 'payments', 'logging', 'cert-manager', 'istio-system', 'kubernetes-dashboard'];
const SERVICES: readonly (readonly [string, number, string])[] = [
  ['grafana', 3000, 'http'], ['prometheus-server', 9090, 'http'], ['prometheus-operated', 9090, 'web'], ['alertmanager-operated', 9093, 'web'], ['kibana', 5601, 'http'],
  ['elasticsearch-master', 9200, 'http'], ['kubernetes-dashboard', 443, 'https'], ['argocd-server', 443, 'https'], ['loki', 3100, 'http-metrics'], ['jaeger-query', 16686, 'query'],
  ['rabbitmq', 15672, 'management'], ['keycloak', 8080, 'http'], ['vault', 8200, 'http'], ['minio-console', 9001, 'console'], ['longhorn-frontend', 80, 'http'],
  ['kiali', 20001, 'http'], ['node-exporter', 9100, 'metrics'], ['kube-state-metrics', 8080, 'http-metrics'], ['traefik', 9000, 'traefik'], ['rancher-monitoring-grafana', 80, 'nginx-http'],
];
const SUBPATHS = ['', 'api/health', 'metrics', 'login', 'd/k8s-cluster/kubernetes-cluster?orgId=1&refresh=30s', 'graph?g0.expr=up&g0.tab=1', 'api/v1/query?query=up', 'api/v1/targets', '#/overview', 'app/discover#/', 'api/datasources', 'public/build/runtime.js', 'api/v1/alerts', 'ui/', 'static/js/main.js', '_cluster/health?pretty', 'search?service=frontend&limit=20', '-/healthy', 'api/v2/status'];

function pod(rng: Rng, app: string): string {
  return rng.chance(0.5) ? `${app}-${rng.int(0, 4)}` : `${app}-${rng.hex(rng.pick([9, 10])).toLowerCase()}-${rng.alnum(5).toLowerCase()}`;
}

/** The service segment of a proxy path: `name`, `name:port`, `scheme:name:port` or `scheme:name:` (port name or number). */
function serviceRef(rng: Rng, svc: readonly [string, number, string]): string {
  const [name, port, portName] = svc;
  const p = rng.chance(0.5) ? String(port) : portName;
  switch (rng.int(0, 3)) {
    case 0: return name;
    case 1: return `${name}:${p}`;
    case 2: return `${rng.pick(['http', 'https'])}:${name}:${p}`;
    default: return `${rng.pick(['http', 'https'])}:${name}:`;
  }
}

export const clusterPaths: Family = {
  name: 'cluster-paths',
  summary: 'Kubernetes and cloud API paths naming services by scheme, name and port: API-server service/pod/node proxies (`/services/http:grafana:3000/proxy/`) from kubectl proxy, Dashboard, Rancher, Lens, Headlamp; pod logs, port-forwards, Services and EndpointSlices; Argo CD resource views, Grafana datasource proxies, Consul/Nomad; ARNs, GCP and Azure resource IDs in paths.',
  perScale: 3_000,
  make(ctx): WireRequest {
    const { rng } = ctx;
    const ns = rng.pick(NAMESPACES);
    const svc = rng.pick(SERVICES);
    const sub = rng.pick(SUBPATHS);
    const [subPath, subQuery] = sub.includes('?') ? [sub.slice(0, sub.indexOf('?')), sub.slice(sub.indexOf('?') + 1)] : [sub.replace(/#.*$/, ''), ''];
    const b = pickBrowser(rng, rng.pick(['en-US', 'en-GB', 'de-DE', 'ja-JP', 'fr-FR']));
    const cluster = `c-${rng.pick(['m-', ''])}${rng.alnum(8).toLowerCase()}`;
    const proxyPrefix = rng.pick(['', '', `/k8s/clusters/${cluster}`, `/clusters/${rng.pick(['main', 'prod-eu', 'kind-dev', 'minikube'])}`, `/api/kubernetes/${cluster}`]);
    const local = rng.pick(['http://127.0.0.1:8001', 'http://localhost:8001', `https://rancher.${rng.pick(['corp.example', 'example.net', 'lan'])}`, 'http://localhost:4466', `https://headlamp.${rng.pick(['example.io', 'internal'])}`]);
    const host = local.replace(/^https?:\/\//, '');
    const kubectl = { Host: rng.pick(['10.96.0.1:443', `${rng.pick(['api', 'k8s'])}.${rng.pick(['prod', 'dev', 'eu1'])}.example.internal:6443`, 'kubernetes.default.svc']), 'User-Agent': rng.pick(['kubectl/v1.30.2 (linux/amd64) kubernetes/3968350', 'kubectl/v1.31.1 (darwin/arm64) kubernetes/948afe5', 'Lens/6.5.2', 'k9s/v0.32.5']), Accept: 'application/json, */*', Authorization: `Bearer ${rng.alnum(40)}.${rng.alnum(120)}.${rng.alnum(43)}` };
    const page = (referer: string): Record<string, string> => browserHeaders(rng, b, host, rng.chance(0.5) ? 'document' : 'xhr', { referer, site: 'same-origin', cookie: rng.chance(0.6) ? `R_SESS=token-${rng.alnum(5).toLowerCase()}:${rng.alnum(54)}` : undefined });
    const svcPath = (s: readonly [string, number, string]): string => `${proxyPrefix}/api/v1/namespaces/${ns}/services/${serviceRef(rng, s)}/proxy/`;
    switch (rng.int(0, 11)) {
      case 0: case 1: case 2: {
        // A browser through the service proxy: the page, its assets and API calls, the Referer the proxy's own URL.
        const base = svcPath(svc);
        return { method: 'GET', path: `${base}${subPath}`, query: subQuery, headers: page(`${local}${rng.chance(0.5) ? base : `${proxyPrefix}/api/v1/namespaces/kubernetes-dashboard/services/https:kubernetes-dashboard:/proxy/#/${rng.pick(['workloads', 'service', 'pod'])}?namespace=${ns}`}`) };
      }
      case 3: {
        const p = pod(rng, svc[0]);
        return { method: 'GET', path: `${proxyPrefix}/api/v1/namespaces/${ns}/pods/${rng.chance(0.3) ? `${rng.pick(['http', 'https'])}:` : ''}${p}:${svc[1]}/proxy/${rng.pick(['metrics', 'healthz', 'debug/vars', 'actuator/health', ''])}`, query: '', headers: rng.chance(0.5) ? kubectl : page(`${local}/`) };
      }
      case 4:
        return { method: 'GET', path: `/api/v1/nodes/${rng.pick(['ip-10-0-', 'gke-prod-pool-', 'aks-nodepool1-', 'worker-'])}${rng.int(1, 250)}-${rng.int(1, 250)}${rng.chance(0.5) ? `:${rng.pick(['10250', 'https:10250'])}` : ''}/proxy/${rng.pick(['metrics', 'metrics/cadvisor', 'stats/summary', 'configz', 'metrics/resource'])}`, query: '', headers: kubectl };
      case 5: {
        const p = pod(rng, svc[0]);
        return rng.chance(0.6)
          ? { method: 'GET', path: `/api/v1/namespaces/${ns}/pods/${p}/log`, query: encodePairs([['container', rng.pick([svc[0], 'app', 'sidecar', 'istio-proxy'])], ['tailLines', String(rng.pick([100, 500, 1000]))], ['timestamps', 'true'], ...(rng.chance(0.4) ? [['follow', 'true'] as const] : [])], 'component'), headers: kubectl }
          : { method: 'POST', path: `/api/v1/namespaces/${ns}/pods/${p}/portforward`, query: `ports=${svc[1]}`, headers: { ...kubectl, Connection: 'Upgrade', Upgrade: 'SPDY/3.1', 'X-Stream-Protocol-Version': 'portforward.k8s.io' } };
      }
      case 6: {
        const [name, port, portName] = svc;
        const body = rng.chance(0.5)
          ? { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns, labels: { 'app.kubernetes.io/name': name }, annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(port), 'prometheus.io/scheme': rng.pick(['http', 'https']) } }, spec: { type: rng.pick(['ClusterIP', 'NodePort']), selector: { app: name }, ports: [{ name: portName, port, targetPort: rng.chance(0.5) ? port : portName, protocol: 'TCP', appProtocol: rng.pick(['http', 'https', 'kubernetes.io/h2c']) }] } }
          : { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: `${name}-${rng.alnum(5).toLowerCase()}`, namespace: ns, labels: { 'kubernetes.io/service-name': name } }, addressType: 'IPv4', ports: [{ name: portName, port, protocol: 'TCP' }], endpoints: [{ addresses: [`10.${rng.int(42, 244)}.${rng.int(0, 255)}.${rng.int(2, 250)}`], conditions: { ready: true }, targetRef: { kind: 'Pod', name: pod(rng, name), namespace: ns } }] };
        // kubectl apply: create, replace, or a server-side apply patch of the whole object.
        const method = rng.pick(['POST', 'PUT', 'PATCH']);
        const path = body.kind === 'Service' ? `/api/v1/namespaces/${ns}/services` : `/apis/discovery.k8s.io/v1/namespaces/${ns}/endpointslices`;
        return method === 'PATCH'
          ? withBody({ method, path: `${path}/${body.metadata.name}`, query: 'fieldManager=kubectl&fieldValidation=Strict&force=true', headers: kubectl }, 'application/apply-patch+yaml', JSON.stringify(body))
          : withBody({ method, path, query: 'fieldManager=kubectl-client-side-apply&fieldValidation=Strict', headers: kubectl }, 'application/json', JSON.stringify(body));
      }
      case 7:
        return { method: 'GET', path: `/api/v1/applications/${rng.pick(['monitoring', 'platform', 'shop', 'logging'])}/resource`, query: encodePairs([['name', svc[0]], ['appNamespace', 'argocd'], ['namespace', ns], ['resourceName', svc[0]], ['version', 'v1'], ['kind', rng.pick(['Service', 'Endpoints', 'ServiceMonitor'])], ['group', rng.pick(['', 'monitoring.coreos.com'])]], 'component'), headers: page(`https://argocd.${rng.pick(['example.io', 'corp.example'])}/applications/argocd/${svc[0]}?resource=&node=%2FService%2F${ns}%2F${svc[0]}%2F0`) };
      case 8: {
        const expr = rng.pick(['up{job="node"}', `sum(rate(container_cpu_usage_seconds_total{namespace="${ns}"}[5m])) by (pod)`, `probe_success{instance="http://${svc[0]}.${ns}.svc:${svc[1]}/healthz"}`, `kube_service_info{service="${svc[0]}"}`]);
        return { method: 'GET', path: `/api/datasources/proxy/uid/${rng.pick(['prometheus', 'P1809F7CD0C75ACF3', 'thanos'])}/api/v1/query_range`, query: encodePairs([['query', expr], ['start', String(rng.int(1733000000, 1733500000))], ['end', String(rng.int(1733500000, 1734000000))], ['step', rng.pick(['15', '30', '60'])]], 'component'), headers: page(`https://grafana.${rng.pick(['example.io', 'internal'])}/d/${rng.alnum(9)}/${svc[0]}?orgId=1&var-namespace=${ns}`) };
      }
      case 9:
        return rng.chance(0.5)
          ? { method: 'GET', path: `/v1/catalog/service/${svc[0]}`, query: encodePairs([['dc', rng.pick(['dc1', 'eu-west', 'fra1'])], ['tag', rng.pick(['http', 'metrics', 'v2'])]], 'form'), headers: { Host: rng.pick(['consul.service.consul:8500', '127.0.0.1:8500']), 'User-Agent': 'Go-http-client/1.1', 'X-Consul-Token': rng.uuid() } }
          : withBody({ method: 'PUT', path: '/v1/agent/service/register', query: '', headers: { Host: '127.0.0.1:8500', 'User-Agent': 'Go-http-client/1.1', 'X-Consul-Token': rng.uuid() } }, 'application/json', JSON.stringify({ ID: `${svc[0]}-${rng.int(1, 9)}`, Name: svc[0], Tags: [svc[2], 'v1'], Port: svc[1], Meta: { scheme: rng.pick(['http', 'https']) }, Check: { HTTP: `http://localhost:${svc[1]}/${rng.pick(['health', 'healthz', '-/ready'])}`, Interval: '10s', Timeout: '2s' } }));
      case 10: {
        const acct = rng.digits(12);
        const region = rng.pick(['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2']);
        const arn = rng.pick([`arn:aws:elasticloadbalancing:${region}:${acct}:targetgroup/${svc[0]}-${svc[1]}/${rng.hex(16)}`, `arn:aws:ecs:${region}:${acct}:service/prod/${svc[0]}`, `arn:aws:lambda:${region}:${acct}:function:${svc[0]}-handler:live`, `arn:aws:secretsmanager:${region}:${acct}:secret:${svc[0]}/db-${rng.alnum(6)}`]);
        return { method: 'GET', path: `/${rng.pick(['resources', 'cloudwatch/home', 'ecs/v2/services'])}/${encodeURIComponent(arn)}`, query: `region=${region}`, headers: page(`https://${region}.console.aws.amazon.com/${rng.pick(['ec2', 'ecs', 'lambda'])}/home?region=${region}`) };
      }
      default:
        return rng.chance(0.5)
          ? { method: 'GET', path: `/subscriptions/${rng.uuid()}/resourceGroups/rg-${rng.pick(['prod', 'shared', 'aks'])}-${rng.pick(['weu', 'neu'])}/providers/${rng.pick(['Microsoft.Network/loadBalancers/kubernetes/backendAddressPools/kubernetes', `Microsoft.Network/applicationGateways/agw-prod/backendHttpSettingsCollection/${svc[0]}-${svc[1]}`, `Microsoft.ContainerService/managedClusters/aks-prod/agentPools/nodepool1`, `Microsoft.Web/sites/${svc[0]}/config/web`])}`, query: 'api-version=2024-05-01', headers: { Host: 'management.azure.com', 'User-Agent': 'azsdk-python-mgmt-network/25.4.0 Python/3.11.9', Authorization: `Bearer ${rng.alnum(40)}.${rng.alnum(160)}.${rng.alnum(43)}`, Accept: 'application/json' } }
          : { method: 'GET', path: `/compute/v1/projects/${rng.pick(['acme-prod', 'shop-platform-381712', 'infra-shared'])}/${rng.pick(['global/backendServices', 'regions/europe-west1/backendServices', 'global/healthChecks'])}/${svc[0]}-${rng.pick(['http', 'https'])}-${svc[1]}`, query: '', headers: { Host: 'compute.googleapis.com', 'User-Agent': 'google-cloud-sdk gcloud/494.0.0 command/gcloud.compute.backend-services.describe', Authorization: `Bearer ya29.${rng.alnum(150)}`, Accept: 'application/json' } };
    }
  },
};
