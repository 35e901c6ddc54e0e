import { describe, expect, it } from 'vitest';
import { INJECTION_WORDS, mayCarryAttack } from '../../src/model/screen.js';
import { isDatePattern, isDimensionList, isLdapFilter, isNumericCode, isPlainXmlFragment, isQuotedCode } from '../../src/model/value-shapes.js';

/** Each shape: values of its notation are not sent to the model; attack text in or around the notation still is. */
const SHAPES: [string, (text: string) => boolean, string[], string[]][] = [
  ['labelled dimensions (a museum record: blind benign set 12)', isDimensionList,
    ['H. 4.1 cm (1 5/8 in.); Diam. 12.7 cm (5 in.)', 'Height: 30 cm; Width: 20 cm', 'Overall H. 40 cm', '30 x 20 cm; 2 kg'],
    ['H. 4 cm; id', 'H. 4 cm; cat /etc/passwd', "H. 4' or '1'='1", 'Height: 30 cm; <script>', 'H. 4 cm; 1 union select 1']],
  ["a meter's register code (OBIS)", isNumericCode,
    ['1-0:1.8.0*255', '0-0:96.1.1*255', '1.3.6.1.4.1.*'.replace('.*', '.0*1')],
    ['1*1', '1-0:1.8.0*255;id', '1-0:1.8.0*255 or 1=1', '${7*7}']],
  ['a date format with quoted text (ICU, Java)', (t) => isDatePattern(t, INJECTION_WORDS),
    ["d. MMM y 'um' HH:mm", "EEEE, d 'de' MMMM 'de' y", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "h 'o''clock' a"],
    ["a'or'a", "x' or 'x", "exec 'x' d", "yyyy' union select 1 'd", "d 'sleep' MM", "d'x'--"]],
  ["one quoted code (JPL Horizons' parameters)", (t) => isQuotedCode(t, INJECTION_WORDS),
    ["'500@399'", "'1 d'", "'2026-12-06'", "'1,9,20,23,24'"],
    ["'uname'", "'OR'", "' OR '", "'1' or '1'='1'", "'1;id'", "'1 union select 2'", "'id 1'"]],
  ['a whole LDAP filter (a directory setting)', isLdapFilter,
    ['(|(cn=*smith*)(mail=*smith*)(sAMAccountName=*smith*))', '(&(objectClass=user)(memberOf=CN=Staff,OU=Groups,DC=example,DC=com))', '(!(userAccountControl:1.2.840.113556.1.4.803:=2))'.replace(':1.2.840.113556.1.4.803:', '')],
    ['(&(uid=admin)(!(&(1=0)(userPassword=q))))', '*)(uid=*))(|(uid=*', '(uid=*))(|(uid=*)', '(cn=*)(|(a=b))', "(cn=' or 1=1--)", '(cn=x;id)', '(cn=a--)', '(|(cn=*)(userPassword=*))', '(&(uid=admin)(unicodePwd=a*))']],
  ["plain XML elements (a firewall's configuration fragment)", isPlainXmlFragment,
    ['<ip-netmask>10.1.1.10/32</ip-netmask><description>web server 01</description>', '<entry><name>web-01</name><port>8443</port></entry>'],
    ['<h1>hacked</h1><x>1</x>', '<test></test>', '<xss onfocus=alert(1)>', '<file>../../etc/passwd</file><a>b</a>', '<url>http://169.254.169.254/</url><a>b</a>', '<a>x</a><script>alert(1)</script>', '<foo>&xxe;</foo><b>1</b>', "<name>' or '1'='1</name><b>1</b>", '<a>x<b c=1></a>', '<a>;id</a><b>1</b>']],
];

describe.each(SHAPES)('%s', (_title, shape, benign, attacks) => {
  it.each(benign)('takes %s and the screen lets it be', (text) => {
    expect(shape(text)).toBe(true);
    expect(mayCarryAttack(text)).toBe(false);
  });
  it.each(attacks)('leaves %s to the model', (text) => {
    expect(shape(text)).toBe(false);
    expect(mayCarryAttack(text)).toBe(true);
  });
});
