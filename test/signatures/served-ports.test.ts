import { describe, expect, it } from 'vitest';
import { servedPortsOf } from '../../src/signatures/served-ports.js';
import { parseRuleFile } from '../../src/signatures/parse-rule-file.js';
import { defaultVariables, portList } from '../../src/signatures/variables.js';

// An application-port rule as ET writes them (ActiveMQ's fileserver upload on its console port).
const ACTIVEMQ = 'alert http $EXTERNAL_NET any -> $HTTP_SERVERS 8161 (msg:"ActiveMQ fileserver upload"; flow:to_server,established; http.method; content:"PUT"; http.uri; content:"/fileserver/"; sid:1; rev:1;)';

const statusWith = (servedPorts: readonly number[]) => parseRuleFile(ACTIVEMQ, { file: 'pack.rules', variables: defaultVariables(), servedPorts }).entries[0].status;

describe('the ports a rule header is matched against', () => {
  it('are the listen port, 80 and the upstream port', () => {
    expect(servedPortsOf({ listen: '0.0.0.0:8443', upstream: 'http://10.0.0.5:8161', rules: { variables: {} } }).sort((a, b) => a - b)).toEqual([80, 8161, 8443]);
  });

  it("take the scheme's port for an upstream that names none", () => {
    expect(servedPortsOf({ listen: '127.0.0.1:8000', upstream: 'https://app.internal', rules: { variables: {} } })).toContain(443);
    expect(servedPortsOf({ listen: '127.0.0.1:8000', upstream: 'http://app.internal/base', rules: { variables: {} } }).sort((a, b) => a - b)).toEqual([80, 8000]);
  });

  it("add the operator's HTTP_PORTS, with its ranges and variables", () => {
    const ports = servedPortsOf({ listen: '0.0.0.0:443', upstream: 'http://127.0.0.1:8080', rules: { variables: { APP_PORTS: '[7001,8161]', HTTP_PORTS: '[$APP_PORTS,9000:9002]' } } });
    expect(ports.sort((a, b) => a - b)).toEqual([80, 443, 7001, 8080, 8161, 9000, 9001, 9002]);
  });

  it('keep a rule for the fronted application: loaded when the upstream listens on its port, skipped when it does not', () => {
    expect(statusWith(servedPortsOf({ listen: '0.0.0.0:443', upstream: 'http://10.0.0.5:8161', rules: { variables: {} } }))).not.toBe('skipped');
    expect(statusWith(servedPortsOf({ listen: '0.0.0.0:443', upstream: 'http://10.0.0.5:8080', rules: { variables: {} } }))).toBe('skipped');
    expect(statusWith(servedPortsOf({ listen: '0.0.0.0:443', upstream: 'http://nginx:8080', rules: { variables: { HTTP_PORTS: '[80,8161]' } } }))).not.toBe('skipped');
  });

  it('walk a port spec to at most 4,096 ports, and give none for any', () => {
    expect(portList('1:65535', defaultVariables())).toHaveLength(4096);
    expect(portList('any', defaultVariables())).toBeNull();
    expect(servedPortsOf({ listen: '0.0.0.0:443', upstream: 'http://127.0.0.1:8080', rules: { variables: { HTTP_PORTS: '1:65535' } } })).toHaveLength(4096 + 1);
  });
});
