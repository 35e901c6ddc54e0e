/**
 * Bundled rules of rev 2026-12-07f (issue 18, session 21): mechanisms held-out-14's misses showed after its blind
 * measurement, written for the class of exploit rather than the product. Each fires on its attack, sent the way such
 * an exploit sends it, and stays quiet on the benign request closest to it (a Django template printing a setting that
 * is no secret, a base64 URL to a public site, a jar: URL of a local file in a stack trace, an annotation without a
 * file, git grep's documented options in a search, a CREATE FUNCTION in plpgsql, a dunder key that is not globals, a
 * Twig filter with an arrow function, XQuery reading a document, an XPath selector in a scraper's settings, a JWT).
 */
import { describe } from 'vitest';
import { form, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, get, postForm } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();


const CASES: RuleCase[] = [
  [9000760, 'block', 'a Django template printing the SECRET_KEY', form('subject=Welcome&greeting=Hello+there%2C+%7B%7B+settings.SECRET_KEY+%7D%7D'), form('subject=Welcome&greeting=Hello+%7B%7B+user.first_name+%7D%7D%2C+%7B%7B+settings.SITE_NAME+%7D%7D')],
  [9000760, 'block', 'a Django include of ../settings.py', form('body=Hello+there%2C+%7B%25+include+%22..%2Fsettings.py%22+%25%7D'), form('body=%7B%25+include+%22partials%2Ffooter.html%22+%25%7D')],
  [9000760, 'block', 'the debug tag and the user password', form('greeting=Hi+%7B%25+debug+%25%7D+%7B%7B+request.user.password+%7D%7D'), form('greeting=Hi+%7B%7B+user.username+%7D%7D%2C+reset+your+password+here')],
  [9000561, 'block', 'a base64 metadata URL as an imgproxy source', get('/insecure/rs:fit:300:300/aHR0cDovLzE2OS4yNTQuMTY5LjI1NC9sYXRlc3QvbWV0YS1kYXRhLw.png'), get('/insecure/rs:fit:300:300/aHR0cHM6Ly9pbWFnZXMuZXhhbXBsZS5jb20vY2F0LmpwZw.png')],
  [9000561, 'block', 'a base64 https loopback URL as a value', q('src=aHR0cHM6Ly8xMjcuMC4wLjE6OTIwMC9hY3R1YXRvci9lbnY'), q('state=aHR0cHM6Ly9hcHAuZXhhbXBsZS5jb20vY2FsbGJhY2s')],
  [9000562, 'block', 'a remote jar: URL in a JSON fetcher field', json('{"url":"jar:https://cdn.example.net:8000/bu.zip!/X4Zo.txt"}'), json('{"trace":"at jar:file:/opt/app/lib/app.jar!/com/example/Main.class"}')],
  [9000462, 'block', 'an mPDF annotation attaching ../config.php', form('content=%3Chtml%3E%3Cbody%3E%3Cannotation+file%3D%22..%2Fconfig.php%22+content%3D%22x%22+icon%3D%22Graph%22+%2F%3E%3C%2Fbody%3E%3C%2Fhtml%3E'), form('content=%3Cannotation+content%3D%22Reviewed%22+icon%3D%22Comment%22+%2F%3E%3Cp%3Efile+attached%3C%2Fp%3E')],
  [9000462, 'block', 'an annotation attaching the web root .env', form('html=%3Cannotation+file%3D%22%2Fvar%2Fwww%2Fhtml%2F.env%22+%2F%3E'), form('html=%3Cp%3EAn+annotation+file+is+%22notes.pdf%22%3C%2Fp%3E')],
  [9000362, 'block', 'a git grep pager option as the search query', postForm('/repo/tree/master/search', 'query=--open-files-in-pager%3Duname+-a'), postForm('/repo/tree/master/search', 'query=open+files+in+pager+option')],
  [9000161, 'block', 'a stacked C-language function bound to libc system', q('category=1;CREATE%20OR%20REPLACE%20FUNCTION%20x(cstring)%20RETURNS%20int%20AS%20$$/lib/x86_64-linux-gnu/libc.so.6$$,$$system$$%20LANGUAGE%20C%20STRICT;--'), q('q=CREATE%20FUNCTION%20add(a%20int)%20RETURNS%20int%20LANGUAGE%20plpgsql')],
  [9001364, 'block', "a ReportLab color walking '__globals__' to os", json('{"template":"<font color=\\"[getattr(pow, N(\'__globals__\'))[\'os\'].system(\'id\') for N in [1]] and \'red\'\\">x</font>"}'), json('{"doc":"module.__dict__[\'__name__\'] and f.__globals__ are attributes"}')],
  [9001365, 'block', "a Twig map of call_user_func", json('{"content":"{{ {\'aWQ=\': \'base64_decode\'} | map(\'call_user_func\') }}"}'), json('{"content":"{{ items | map(i => i.name) | join(\', \') }}"}')],
  [9001366, 'block', 'XQuery reading a file in an eXist-db _query', get('/exist/rest/db?_query=util%3Abinary-to-string%28file%3Aread-binary%28%22%2Fetc%2Fhosts%22%29%29&_wrap=no'), get('/exist/rest/db?_query=doc%28%22%2Fdb%2Fbooks.xml%22%29%2F%2Ftitle&_wrap=no')],
  [9001367, 'block', 'an XPath union breakout as the login name', postForm('/Login.do', "username='%5D+%7C+%2F%2Fuser%2F*%5Bcontains(.%2C'&password=x"), postForm('/scraper/settings', "selector=%2F%2Fdiv%5B%40class%3D'price'%5D+%7C+%2F%2Fspan&name=x")],
  [9001060, 'block', 'a base64 jsonpickle reduce in a session cookie', get('/dashboard', [['Cookie', 'session=eyJweS9yZWR1Y2UiOiBbeyJweS9mdW5jdGlvbiI6ICJvcy5zeXN0ZW0ifV19']]), get('/dashboard', [['Cookie', 'session=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2ln']])],
];

describe("bundled rules for held-out-14's exploit mechanisms (rev 2026-12-07f)", () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
