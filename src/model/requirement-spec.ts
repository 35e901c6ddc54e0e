/**
 * A Python requirement with an environment marker (PEP 508), as a package index, a dependency bot or a lock-file
 * viewer takes one in a field: `numpy==1.26.*; python_version<'3.12'`, `pywin32>=306 ; sys_platform == "win32"`, or
 * the marker alone (`python_version >= "3.9" and platform_machine != 'arm64'`). The lead's hard benign values (session
 * 37: 0.90): the marker's quoted literals, `<` and `;` read as a break out of a SQL string.
 *
 * The grammar is closed: a distribution name, optional extras, optional version clauses (`==`, `!=`, `~=`, `<=`, `>=`,
 * `<`, `>`, `===` and a version of digits, letters, `.`, `*`, `+`, `!`), `;`, then comparisons joined by `and`/`or`
 * with parentheses, each comparing one of the marker variables PEP 508 names with one quoted literal of version or
 * platform characters. No other word, operator or quote fits: `' OR '1'='1`, a second statement after `;`, a literal
 * compared with a literal, a call or a URL requirement (`name @ https://…`) keep the value scored.
 */
const NAME = String.raw`[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?`;
const EXTRAS = String.raw`(?:\s*\[\s*${NAME}(?:\s*,\s*${NAME}){0,9}\s*\])?`;
const VERSION_CLAUSE = String.raw`(?:===|==|!=|~=|<=|>=|<|>)\s*[A-Za-z0-9.*+!]{1,40}`;
const VERSIONS = String.raw`(?:\s*\(?\s*${VERSION_CLAUSE}(?:\s*,\s*${VERSION_CLAUSE}){0,5}\s*\)?)?`;
const VARIABLE = 'python_version|python_full_version|os_name|sys_platform|platform_release|platform_system|platform_version|platform_machine|platform_python_implementation|implementation_name|implementation_version|extra';
const OPERATOR = String.raw`(?:===|==|!=|~=|<=|>=|<|>|\s(?:not\s+)?in\s)`;
const LITERAL = String.raw`(?:'[A-Za-z0-9._*+ -]{0,40}'|"[A-Za-z0-9._*+ -]{0,40}")`;
const COMPARISON = String.raw`(?:(?:${VARIABLE})\s*${OPERATOR}\s*${LITERAL}|${LITERAL}\s*${OPERATOR}\s*(?:${VARIABLE}))`;
const ATOM = String.raw`\(*\s*${COMPARISON}\s*\)*`;
const MARKER = String.raw`${ATOM}(?:\s+(?:and|or)\s+${ATOM}){0,9}`;
const REQUIREMENT_WITH_MARKER = new RegExp(String.raw`^\s*(?:${NAME}${EXTRAS}${VERSIONS}\s*;\s*)?${MARKER}\s*$`);

export function isRequirementWithMarker(text: string): boolean {
  if (text.length > 400 || !REQUIREMENT_WITH_MARKER.test(text)) return false;
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}
