/**
 * Bundled rules of rev 2026-12-14e (issue 18, session 33, ho33): mechanisms held-out-26's misses showed (read) and
 * held-out 19-24's residue (read), each written for the class rather than the product and kept only with no benign
 * hit. Each fires on its attack, sent the way such an exploit sends it, and stays quiet on the benign request closest
 * to it: a relative model file, a picture's metadata path, an image in a product's own folder, a chat element's
 * picture, a file name with no path, a Smarty condition on a variable and JavaScript's if around a regex exec.
 */
import { describe } from 'vitest';
import { type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, get, postForm, postJson } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [9000424, 'block', 'a model created from a private key in a dot-directory', postJson('/api/create', '{"name":"m1","path":"/home/ubuntu/.ollama/id_ed25519"}'), postJson('/api/create', '{"name":"m1","path":"models/llama3.gguf"}')],
  [9000424, 'block', 'an image proxy given an application settings file', get('/pms_image_proxy?img=%2Fopt%2FTautulli%2Fconfig.ini&width=300&fallback=art'), get('/pms_image_proxy?img=%2Flibrary%2Fmetadata%2F12%2Fthumb%2F1700000000&width=300&fallback=art')],
  [9000424, 'block', 'an RPC reading an embedded H2 database by a Windows path', postJson('/c/router', '{"action":"STPreLoadManagement","method":"getImageByPath","data":["C:/Program Files/NAKIVO Backup & Replication/userdata/product01.h2.db"],"type":"rpc","tid":3}'), postJson('/c/router', '{"action":"STPreLoadManagement","method":"getImageByPath","data":["/images/logo.png"],"type":"rpc","tid":3}')],
  [9000424, 'block', 'a chat element whose path is the app\'s config in a dot-directory', postJson('/project/element', '{"element":{"id":"e1","type":"file","name":"a.txt","path":"/app/.chainlit/config.toml"}}'), postJson('/project/element', '{"element":{"id":"e1","type":"image","name":"a.png","path":"/app/public/a.png"}}')],
  [9000424, 'block', 'a dot-dot file name reaching an encryption key', postJson('/api/v1/openai-assistants-file/download', '{"chatflowId":"c1","fileName":"%2e%2e/%2e%2e/.flowise/encryption.key"}'), postJson('/api/v1/openai-assistants-file/download', '{"chatflowId":"c1","fileName":"report.pdf"}')],
  [9000424, 'block', 'a JMeter file list naming a server properties file', postJson('/api/jmeter/download/files', '{"reportId":"r1","jarFilePaths":[\n  "/opt/metersphere/conf/metersphere.properties"\n]}'), postJson('/api/jmeter/download/files', '{"reportId":"r1","jarFilePaths":["plugins/jmeter-plugins-casutg.jar"]}')],
  [9001381, 'block', 'a mail template whose {if} runs system()', postForm('/admin/configemailtemplates.php?action=save&id=4', 'subject=Hi&message=%3Cp%3EDear+%7B%24client_name%7D%3C%2Fp%3E%0A%7Bif+system(%27id%27)%7D%7B%2Fif%7D'), postForm('/admin/configemailtemplates.php?action=save&id=4', 'subject=Hi&message=%3Cp%3E%7Bif+%24client_name%7DDear+%7B%24client_name%7D%7B%2Fif%7D%3C%2Fp%3E')],
  [9001381, 'block', 'a {while} around passthru in a JSON template', postJson('/api/templates', '{"body":"{while passthru(\\"id\\")}{/while}"}'), postJson('/api/snippets', '{"code":"function f(s){if (exec(re, s)) return 1;}"}')],
];

describe('bundled rules from held-out-26\'s misses and held-out 19-24\'s residue (rev 2026-12-14e)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
