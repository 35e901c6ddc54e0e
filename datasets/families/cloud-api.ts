/** Kubernetes and cloud control-plane API calls: label/field selectors, JSON patches, manifests whose containers carry shell commands, AWS query API, S3 listings. */
import type { Family } from '../lib/family.js';
import { encodePairs, withBody } from '../lib/wire.js';

export const cloudApi: Family = {
  name: 'cloud-api',
  summary: 'Kubernetes and cloud control-plane calls: label/field selectors (app=web,tier!=cache), JSON and strategic-merge patches, manifests whose containers run shell commands (sh -c "... && ..."), AWS query API, S3 ListObjectsV2.',
  perScale: 3_000,
  make(ctx) {
    const { rng, en } = ctx;
    const ns = rng.pick(['default', 'prod', 'staging', 'kube-system', 'monitoring']);
    const app = `${en.commerce.productAdjective().toLowerCase()}-${rng.pick(['api', 'web', 'worker'])}`;
    const k8s = { Host: rng.pick(['10.96.0.1:443', `api.${en.internet.domainWord()}.k8s.local:6443`, 'kubernetes.default.svc']), 'User-Agent': rng.pick(['kubectl/v1.30.2 (linux/amd64) kubernetes/3968350', 'argocd-application-controller/v0.0.0', 'helm/v3.15.2']), Accept: 'application/json', Authorization: `Bearer ${rng.alnum(60)}` };
    switch (rng.int(0, 4)) {
      case 0:
        return { method: 'GET', path: `/api/v1/namespaces/${ns}/pods`, query: encodePairs([['labelSelector', rng.pick([`app=${app},tier!=cache`, `app in (${app},db),env notin (dev)`, `!canary`])], ['fieldSelector', rng.pick(['status.phase=Running', `spec.nodeName=node-${rng.int(1, 9)}`])], ['limit', '500']], 'component'), headers: k8s };
      case 1:
        return withBody({ method: 'PATCH', path: `/apis/apps/v1/namespaces/${ns}/deployments/${app}`, query: 'fieldManager=kubectl-edit', headers: k8s }, 'application/json-patch+json', JSON.stringify([{ op: 'replace', path: '/spec/replicas', value: rng.int(1, 12) }, { op: 'add', path: '/spec/template/metadata/annotations/kubectl.kubernetes.io~1restartedAt', value: '2025-06-01T12:00:00Z' }]));
      case 2: {
        const manifest = { apiVersion: 'batch/v1', kind: rng.pick(['Job', 'CronJob']), metadata: { name: `${app}-migrate`, namespace: ns }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image: `registry.example.com/${app}:${rng.hex(7)}`, command: ['/bin/sh', '-c', rng.pick(['python manage.py migrate && python manage.py collectstatic --noinput', 'echo "starting" && ./bin/migrate up || exit 1', 'until nc -z db 5432; do sleep 2; done; npm run migrate', 'cat /etc/config/app.yaml | envsubst > /tmp/app.yaml && exec /app/server'])], env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'db', key: 'url' } } }] }] } } } };
        return withBody({ method: 'POST', path: `/apis/batch/v1/namespaces/${ns}/jobs`, query: '', headers: k8s }, 'application/json', JSON.stringify(manifest));
      }
      case 3:
        return withBody({ method: 'POST', path: '/', query: '', headers: { Host: `ec2.${rng.pick(['us-east-1', 'eu-west-1'])}.amazonaws.com`, 'User-Agent': 'aws-cli/2.17.0 Python/3.11.9 Linux/6.8 exe/x86_64.ubuntu.24', 'X-Amz-Date': '20250601T120000Z', Authorization: `AWS4-HMAC-SHA256 Credential=AKIA${rng.alnum(16).toUpperCase()}/20250601/us-east-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=${rng.hex(64)}` } }, 'application/x-www-form-urlencoded; charset=utf-8', encodePairs([['Action', rng.pick(['DescribeInstances', 'DescribeSecurityGroups', 'RunInstances'])], ['Version', '2016-11-15'], ['Filter.1.Name', 'tag:app'], ['Filter.1.Value.1', app], ['Filter.2.Name', 'instance-state-name'], ['Filter.2.Value.1', 'running']], 'form'));
      default:
        return { method: 'GET', path: `/${app}-logs`, query: encodePairs([['list-type', '2'], ['prefix', rng.pick(['logs/2025/06/', 'backups/db/', '.terraform/', 'exports/'])], ['delimiter', '/'], ['max-keys', '1000']], 'component'), headers: { Host: `${app}-logs.s3.amazonaws.com`, 'User-Agent': 'aws-sdk-go-v2/1.30.0', 'X-Amz-Content-Sha256': rng.hex(64), Authorization: `AWS4-HMAC-SHA256 Credential=AKIA${rng.alnum(16).toUpperCase()}/20250601/us-east-1/s3/aws4_request` } };
    }
  },
};
