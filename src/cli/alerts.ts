import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../config/load-config.js';
import { sampleAlert } from '../alerts/alert.js';
import { createSinks } from '../alerts/dispatcher.js';
import { DeliveryQueue } from '../alerts/delivery-queue.js';
import { alertsNoSinks } from '../alerts/errors.js';
import { parseArgs, stringFlag, type CliIo, type CommandSpec } from './args.js';
import { cliUsage } from './errors.js';

const HELP = `Usage: warden alerts test [--config FILE] [--json]

Sends one sample alert (rule "alerts-test", severity low) to every sink of alerts.sinks in the config
(FILE, else ./warden.yaml) and reports, per sink, whether it was delivered or why not. One try per
sink, bounded by alerts.delivery.timeoutMs (no retries: a sink that needs one is worth knowing about).
  webhook   delivered = the receiver answered 2xx
  syslog    tcp: delivered = connected and the framed line was handed to TCP;
            udp: delivered = the datagram was sent (UDP has no answer: check the collector)
Exit status: 0 when every sink took the alert, 1 when any failed (or no sink is configured), 2 for a
usage error. --json prints [{ sink, target, delivered, ms, code?, reason? }].`;

export const ALERTS_FLAGS: CommandSpec = {
  name: 'alerts',
  maxPositionals: 1,
  flags: {
    config: { kind: 'string' },
    json: { kind: 'boolean' },
  },
};

interface SinkOutcome {
  sink: string;
  target: string;
  delivered: boolean;
  ms: number;
  code?: string;
  reason?: string;
}

async function runAlertsTest(configFile: string | null, json: boolean, io: CliIo): Promise<number> {
  const config = await loadConfig(configFile);
  if (config.alerts.sinks.length === 0) throw alertsNoSinks(configFile ?? 'the default config');
  const alert = sampleAlert(hostname());
  const outcomes = await Promise.all(
    createSinks(config.alerts).map(async (sink): Promise<SinkOutcome> => {
      // The queue's own try (per-try timeout, error codes), without its retries.
      const queue = new DeliveryQueue(sink, { ...config.alerts.delivery, attempts: 1 }, { sent: () => undefined, failed: () => undefined, dropped: () => undefined });
      const started = performance.now();
      const error = await queue.tryOnce(alert);
      const ms = Math.round(performance.now() - started);
      await queue.close(0);
      return error === null
        ? { sink: sink.name, target: sink.target, delivered: true, ms }
        : { sink: sink.name, target: sink.target, delivered: false, ms, code: (error as { code?: string }).code ?? 'ERROR', reason: error.message };
    }),
  );
  if (json) io.out(JSON.stringify(outcomes, null, 2));
  else {
    for (const o of outcomes) io.out(o.delivered ? `${o.sink} ${o.target}: delivered (${o.ms} ms)` : `${o.sink} ${o.target}: FAILED ${o.code}: ${o.reason} (${o.ms} ms)`);
    const failed = outcomes.filter((o) => !o.delivered).length;
    io.out(failed === 0 ? `all ${outcomes.length} sink(s) delivered` : `${failed} of ${outcomes.length} sink(s) failed`);
  }
  return outcomes.every((o) => o.delivered) ? 0 : 1;
}

export async function runAlertsCommand(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, ALERTS_FLAGS);
  if (args.flags.has('help')) {
    io.out(HELP);
    return 0;
  }
  const [sub] = args.positionals;
  if (sub !== 'test') throw cliUsage('alerts', sub === undefined ? 'give a subcommand: warden alerts test' : `unknown subcommand "${sub}" (known: test)`);
  const configFile = stringFlag(args, 'config') ?? (existsSync('warden.yaml') ? 'warden.yaml' : null);
  return runAlertsTest(configFile, args.flags.has('json'), io);
}
