/**
 * Bundled rules of rev 2026-12-19b (issue 18, session 38, ho38): mechanisms held-out-31's misses showed (read), each
 * written for the class rather than the product and kept only with no benign hit. Each fires on its attack, sent the way
 * such an exploit sends it, and stays quiet on the benign request closest to it: an icon fetched for a site on the
 * private network, a relative path two steps up, a Windows project path in JSON, an etcd health check.
 */
import { describe } from 'vitest';
import { type RuleCase, get, postForm, postJson, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [9000577, 'block', 'an icon service path naming the metadata address', get('/icons/169.254.169.254/icon.png'), get('/icons/192.168.1.1/icon.png')],
  [9000577, 'block', 'a favicon fetcher path naming the metadata host name', get('/api/favicons/metadata.google.internal/icon.png'), get('/api/favicons/vault.example.com/icon.png')],
  [9000578, 'block', 'an icon service path naming the loopback as an integer', get('/icons/2130706433/icon.png'), get('/icons/2130706433.png')],
  [9000578, 'block', 'an icon service path naming the loopback in hex', get('/icons/0x7f000001/icon.png'), get('/icons/localhost:3000/icon.png')],
  [9000524, 'block', 'an image URL fetching etcd v2 keys from a private host', postJson('/api/v1/Attachment/fromImageUrl', '{"url":"http://172.17.0.1:8080/v2/keys/","parentType":"Note","field":"post"}'), postJson('/api/v1/Attachment/fromImageUrl', '{"url":"http://172.17.0.1:8080/v2/health","parentType":"Note","field":"post"}')],
  [9000495, 'block', 'an import path climbing with percent-encoded dots in a JSON body', postJson('/api/libraries/400ace2c-3915-4153-b5d2-80aeb1c19351', '{"importPaths":["/usr/src/app/upload/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f"],"exclusionPatterns":[]}'), postJson('/api/libraries/400ace2c-3915-4153-b5d2-80aeb1c19351', '{"importPaths":["/mnt/photos/../archive/2019"],"exclusionPatterns":[]}')],
  [9000495, 'block', 'a form value climbing with encoded dots and backslashes', postForm('/api/v1/index', 'path=photos&dir=%2e%2e%2f%2e%2e%2f%2e%2e%5cetc'), postForm('/api/v1/index', 'path=..%2F..%2Fshared%2Fphotos')],
  [9000496, 'block', 'an import path climbing with JSON-escaped backslashes', postJson('/api/libraries', '{"name":"NAS","importPaths":["/usr/src/app/upload/..\\\\..\\\\..\\\\..\\\\"]}'), postJson('/api/projects', '{"name":"app","root":"C:\\\\src\\\\app\\\\..\\\\shared"}')],
];

describe('bundled rules from held-out-31\'s misses (rev 2026-12-19b)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries([9000495, 9000496], rules);
});
