/**
 * What `warden serve` says on stderr when the native RE2 binding is missing: the rules still load on
 * re2js, but a pcre with a counted repetition over 100 is refused (re2js would take seconds per MiB on
 * it; 21 of the 237 bundled rules today), and big bodies are matched far slower. The structured `rules`
 * warning lists them; this line makes sure an operator reading the terminal sees it too.
 */
export function regexEngineNotice(engine: string): string | null {
  if (engine !== 're2js') return null;
  return (
    'warden: WARNING: the native RE2 binding (npm package re2) is not installed, so rule regexes run on re2js: ' +
    'rules with a counted repetition over 100 are refused (see the "rules" warning in the log for which) and large bodies are matched ~100x slower. ' +
    'Reinstall where it can build (python3, make and a C++ compiler) or fetch its prebuilt binary: npm rebuild re2'
  );
}
