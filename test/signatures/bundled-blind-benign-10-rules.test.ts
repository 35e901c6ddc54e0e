/**
 * Rules narrowed after blind benign set 10 (read, session 27): 9001003's Json.NET `$type` branch took any
 * `"$type":` key, and AT Protocol (Bluesky) types every record and embed that way (`app.bsky.feed.post`):
 * with the model's 0.55 the alert blocked a federated post. It now needs what Json.NET resolves to a .NET
 * type: an assembly-qualified name (`Type, Assembly`) or a type of the framework itself (`System.`,
 * `Microsoft.`). Each fires on its attack and stays quiet on the benign text closest to it.
 */
import { describe } from 'vitest';
import { json, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();

const CASES: RuleCase[] = [
  [
    9001003,
    'suspicious',
    'a Json.NET type with its assembly',
    json('{"$type":"System.Windows.Forms.BindingSource, System.Windows.Forms","DataMember":"x"}'),
    json('{"$type":"app.bsky.feed.post","text":"hello","createdAt":"2026-12-06T10:00:00Z"}'),
  ],
  [
    9001003,
    'suspicious',
    'a framework type without its assembly',
    json('{"obj":{"$type":"System.IO.FileInfo","fileName":"C:\\\\inetpub\\\\wwwroot\\\\web.config"}}'),
    json('{"embed":{"$type":"app.bsky.embed.images","images":[]},"facets":[{"$type":"app.bsky.richtext.facet"}]}'),
  ],
  [
    9001003,
    'suspicious',
    'an assembly-qualified generic type',
    json('{"$type":"System.Collections.Generic.List`1[[System.String, mscorlib]], mscorlib","$values":[]}'),
    json('{"field":{"$type":"string"},"count":{"$type":"number"}}'),
  ],
];

describe('bundled rules narrowed after blind benign set 10 (rev 2026-12-10w)', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
