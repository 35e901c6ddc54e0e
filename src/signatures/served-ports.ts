/**
 * The destination ports a rule header is matched against (parse-rule.ts, `checkReachesProxy`): where
 * clients reach Warden (`listen`), 80, and where the upstream it protects listens. A pack rule written
 * for an application's own port (`alert http … -> $HTTP_SERVERS 8161`, an ActiveMQ upload; WebLogic's
 * 7001) is that application's virtual patch when Warden fronts it on 443: Snort in front of the
 * application would have seen its port. An operator whose upstream is itself a proxy names the
 * application's ports in `rules.variables.HTTP_PORTS`, which are then served too.
 */
import { parseHostPort } from '../config/load-config.js';
import { defaultVariables, portList } from './variables.js';

export interface ServedPortsInput {
  listen: string;
  upstream: string;
  /** `rules.variables`: its `HTTP_PORTS`, when set, adds the ports it names. */
  rules: { variables: Readonly<Record<string, string>> };
}

/** Takes the config itself (its `listen`, `upstream` and `rules.variables`). */
export function servedPortsOf(input: ServedPortsInput): number[] {
  const ports = new Set<number>();
  const { port } = parseHostPort(input.listen);
  if (port > 0) ports.add(port);
  ports.add(80);
  const upstream = upstreamPort(input.upstream);
  if (upstream !== null) ports.add(upstream);
  const variables = input.rules.variables;
  const operator = variables.HTTP_PORTS;
  if (operator !== undefined) {
    const table = defaultVariables();
    for (const [name, value] of Object.entries(variables)) table.set(name, value);
    for (const p of portList('$HTTP_PORTS', table) ?? []) ports.add(p);
  }
  return [...ports];
}

/** The port of an `http://` or `https://` upstream URL (the scheme's default when it names none), or null when it does not parse. */
function upstreamPort(upstream: string): number | null {
  try {
    const url = new URL(upstream);
    if (url.port !== '') return Number(url.port);
    return url.protocol === 'https:' ? 443 : 80;
  } catch {
    return null;
  }
}
