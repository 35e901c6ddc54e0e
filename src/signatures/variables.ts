/**
 * Snort `var` / `ipvar` / `portvar` tables and the expansion of address and port specs:
 * lists `[a,b,!c]`, ranges `1:1024` `:6000` `500:`, nesting (`$FILE_DATA_PORTS` holds `$HTTP_PORTS`),
 * `$(NAME:-default)`. Rule files in the wild use the snort.conf variables without defining them, so
 * the table starts with snort.conf's defaults; for a proxy every network variable is `any` unless the
 * operator narrows it, and `$HTTP_PORTS` stands for the ports Warden serves.
 */
import type { AddressSet, PortSet } from './rule.js';
import { ruleBadOptionValue, ruleSyntaxError, ruleUndefinedVariable } from './errors.js';

export type VariableTable = Map<string, string>;

export const DEFAULT_HTTP_PORTS =
  '[36,80,81,82,83,84,85,86,87,88,89,90,311,383,443,555,591,593,631,801,808,818,901,972,1158,1220,1414,1533,1741,1812,1830,1942,2231,2301,2381,2578,2809,2980,3029,3037,3057,3128,3443,3702,4000,4343,4848,5000,5117,5250,5600,5814,6080,6173,6988,7000,7001,7005,7071,7144,7145,7510,7770,7777,7778,7779,8000,8001,8008,8014,8015,8020,8028,8040,8080,8081,8082,8085,8088,8090,8118,8123,8180,8181,8182,8222,8243,8280,8300,8333,8344,8400,8443,8500,8509,8787,8800,8888,8899,8983,9000,9002,9060,9080,9090,9091,9111,9290,9443,9447,9710,9788,9999,10000,11371,12601,13014,15489,19980,29991,33300,34412,34443,34444,40007,41080,44449,50000,50002,51423,53331,55252,55555,56712]';

export function defaultVariables(): VariableTable {
  const networks = ['HOME_NET', 'EXTERNAL_NET'];
  const servers = ['DNS', 'SMTP', 'HTTP', 'SQL', 'TELNET', 'SSH', 'FTP', 'SIP', 'SNMP', 'AIM', 'DNP3', 'MODBUS', 'ENIP'];
  const table: VariableTable = new Map();
  for (const name of networks) table.set(name, 'any');
  for (const s of servers) table.set(`${s}_SERVERS`, '$HOME_NET');
  table.set('DNP3_CLIENT', '$HOME_NET');
  table.set('ENIP_CLIENT', '$HOME_NET');
  table.set('HTTP_PORTS', DEFAULT_HTTP_PORTS);
  table.set('SHELLCODE_PORTS', '!80');
  table.set('ORACLE_PORTS', '1024:');
  table.set('SSH_PORTS', '22');
  table.set('FTP_PORTS', '[21,2100,3535]');
  table.set('SIP_PORTS', '[5060,5061,5600]');
  table.set('DNP3_PORTS', '20000');
  table.set('MODBUS_PORTS', '502');
  table.set('GTP_PORTS', '[2123,2152,3386]');
  table.set('FILE_DATA_PORTS', '[$HTTP_PORTS,110,143]');
  return table;
}

/** `var NAME value` / `ipvar` / `portvar`: later definitions override earlier ones, as in Snort. */
export function defineVariable(table: VariableTable, statement: string): void {
  const m = /^(?:var|ipvar|portvar)\s+([A-Za-z_][A-Za-z0-9_]*)\s+(.+)$/.exec(statement.trim());
  if (!m) throw ruleSyntaxError(`bad variable definition: ${statement}`);
  table.set(m[1], m[2].trim());
}

interface Atom {
  text: string;
  negated: boolean;
}

const MAX_EXPANSION_DEPTH = 16;

/** Flattens a spec into atoms, resolving variables and list negation. */
function expand(spec: string, table: VariableTable, negated: boolean, depth: number, atoms: Atom[]): void {
  if (depth > MAX_EXPANSION_DEPTH) throw ruleSyntaxError(`variable nesting too deep in ${spec}`);
  let text = spec.trim();
  while (text.startsWith('!')) {
    negated = !negated;
    text = text.slice(1).trim();
  }
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) throw ruleSyntaxError(`unbalanced list ${spec}`);
    for (const item of splitTopLevel(text.slice(1, -1))) expand(item, table, negated, depth + 1, atoms);
    return;
  }
  if (text.startsWith('$')) {
    const withDefault = /^\$\(([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?\)$/.exec(text);
    const name = withDefault ? withDefault[1] : text.slice(1);
    const value = table.get(name) ?? withDefault?.[2];
    if (value === undefined) throw ruleUndefinedVariable(name);
    expand(value, table, negated, depth + 1, atoms);
    return;
  }
  if (text.length === 0) throw ruleSyntaxError(`empty list item in ${spec}`);
  atoms.push({ text, negated });
}

/** The items of a `[a,b,[c,d]]` list's inside, split at its top-level commas (nested lists kept whole). */
export function splitTopLevel(list: string): string[] {
  const items: string[] = [];
  let level = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '[') level++;
    else if (c === ']') level--;
    else if (c === ',' && level === 0) {
      items.push(list.slice(start, i));
      start = i + 1;
    }
  }
  items.push(list.slice(start));
  return items.filter((s) => s.trim().length > 0);
}

export function expandAddresses(spec: string, table: VariableTable): AddressSet {
  const atoms: Atom[] = [];
  expand(spec, table, false, 0, atoms);
  const set: AddressSet = { any: false, include: [], exclude: [] };
  for (const atom of atoms) {
    if (atom.text === 'any') {
      if (atom.negated) throw ruleSyntaxError('!any matches nothing');
      set.any = true;
      continue;
    }
    if (!/^[0-9a-fA-F:.]+(?:\/\d{1,3})?$/.test(atom.text)) throw ruleSyntaxError(`bad address ${atom.text}`);
    (atom.negated ? set.exclude : set.include).push(atom.text);
  }
  if (set.include.length === 0) set.any = true;
  if (set.any) set.include = [];
  return set;
}

/**
 * The ports a port spec names, in order, at most `max` of them (a range such as `1:65535` is a mistake, not a list to
 * walk); null for `any`. Exclusions are not subtracted: what is listed is what the spec offers.
 */
export function portList(spec: string, table: VariableTable, max = 4096): number[] | null {
  const set = expandPorts(spec, table);
  if (set.any) return null;
  const list: number[] = [];
  for (const [lo, hi] of set.include) for (let p = lo; p <= hi && list.length < max; p++) list.push(p);
  return list;
}

export function expandPorts(spec: string, table: VariableTable): PortSet {
  const atoms: Atom[] = [];
  expand(spec, table, false, 0, atoms);
  const set: PortSet = { any: false, include: [], exclude: [] };
  for (const atom of atoms) {
    if (atom.text === 'any') {
      if (atom.negated) throw ruleSyntaxError('!any matches nothing');
      set.any = true;
      continue;
    }
    (atom.negated ? set.exclude : set.include).push(parsePortRange(atom.text));
  }
  if (set.include.length === 0) set.any = true;
  if (set.any) set.include = [];
  return set;
}

function parsePortRange(text: string): [number, number] {
  const m = /^(\d*)(:?)(\d*)$/.exec(text);
  if (!m || (m[1] === '' && m[3] === '')) throw ruleBadOptionValue('port', `bad port ${text}`);
  const low = m[1] === '' ? 0 : Number(m[1]);
  const high = m[2] === '' ? low : m[3] === '' ? 65535 : Number(m[3]);
  if (low > 65535 || high > 65535 || low > high) throw ruleBadOptionValue('port', `bad port range ${text}`);
  return [low, high];
}

export function portSetIncludes(set: PortSet, port: number): boolean {
  for (const [lo, hi] of set.exclude) if (port >= lo && port <= hi) return false;
  if (set.any) return true;
  for (const [lo, hi] of set.include) if (port >= lo && port <= hi) return true;
  return false;
}
