import { describe, expect, it } from 'vitest';
import { isCodeSearch } from '../../src/model/code-search.js';

describe('isCodeSearch', () => {
  it('takes terms and member chains narrowed by code-search qualifiers (blind benign set 8)', () => {
    for (const q of ['Runtime.getRuntime().exec lang:java repo:acme/legacy-admin', 'child_process lang:typescript -path:node_modules/', 'os.system repo:^github\\.com/acme/ file:\\.py$', 'eval count:all lang:php', 'deserialize type:symbol']) {
      expect(isCodeSearch(q), q).toBe(true);
    }
  });

  it('refuses a call with arguments, SQL words, shell and markup syntax, quotes, traversal, and a value without a qualifier or a term', () => {
    for (const q of ["Runtime.getRuntime().exec('id') lang:java", 'sleep(5) lang:sql', 'union select password from users lang:sql', 'x$(id) lang:sh', 'x;id lang:sh', "' or 1=1-- lang:x", '<script>alert(1)</script> lang:js', 'a lang:x|id', 'x lang:java()', '../../etc/passwd lang:x', 'x foo:bar', 'lang:java', 'Runtime.getRuntime().exec']) {
      expect(isCodeSearch(q), q).toBe(false);
    }
  });
});
