import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { connect, type Socket } from 'node:net';
import { hostname as osHostname } from 'node:os';
import type { Alert } from './alert.js';
import { SYSLOG_FACILITIES, type SyslogSinkConfig } from './config.js';
import { alertDeliveryFailed } from './errors.js';
import type { AlertSink } from './sink.js';
import { cefSyslogLine, octetCounted, rfc5424Line, type SyslogHeader } from './syslog-line.js';
import { parseHostPort } from '../config/load-config.js';

/** Rejects when the signal fires, with its reason (the delivery queue's timeout error). */
function abortable<T>(signal: AbortSignal, run: (settle: { resolve(v: T): void; reject(e: unknown): void }) => void, onAbort: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const abort = (): void => {
      onAbort();
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    run({
      resolve: (v) => {
        signal.removeEventListener('abort', abort);
        resolve(v);
      },
      reject: (e) => {
        signal.removeEventListener('abort', abort);
        reject(e);
      },
    });
  });
}

/**
 * Syslog to a collector: UDP, one datagram per alert (RFC 5426; "delivered" means sent: UDP has no
 * answer), or TCP with octet-counting framing (RFC 6587 §3.4.1) over one connection kept open and
 * re-opened on the next alert after it breaks ("delivered" means handed to TCP). Lines are RFC 5424
 * with structured data, or CEF as the RFC 5424 message.
 */
export function createSyslogSink(config: SyslogSinkConfig, name: string): AlertSink {
  const { host, port } = parseHostPort(config.address);
  const header: SyslogHeader = {
    facility: SYSLOG_FACILITIES[config.facility],
    hostname: config.hostname ?? osHostname(),
    appName: 'warden',
    procId: String(process.pid),
    enterpriseId: config.enterpriseId,
  };
  const line = (alert: Alert): string => (config.format === 'cef' ? cefSyslogLine(alert, header) : rfc5424Line(alert, header));
  const target = `${config.protocol}://${config.address} (${config.format})`;

  if (config.protocol === 'udp') {
    let socket: UdpSocket | null = null;
    return {
      name,
      target,
      deliver(alert, signal) {
        socket ??= createSocket(isIPv6(host) ? 'udp6' : 'udp4').unref();
        const udp = socket;
        const bytes = Buffer.from(line(alert), 'utf8');
        return abortable<void>(
          signal,
          ({ resolve, reject }) => udp.send(bytes, port, host, (err) => (err ? reject(alertDeliveryFailed(name, (err as { code?: string }).code ?? err.message)) : resolve())),
          () => undefined,
        );
      },
      async close() {
        socket?.close();
        socket = null;
      },
    };
  }

  let socket: Socket | null = null;
  let ready: Promise<Socket> | null = null;
  const drop = (s: Socket): void => {
    s.destroy();
    if (socket === s) {
      socket = null;
      ready = null;
    }
  };
  const open = (signal: AbortSignal): Promise<Socket> => {
    ready ??= abortable<Socket>(
      signal,
      ({ resolve, reject }) => {
        const s = connect({ host, port });
        socket = s;
        s.setNoDelay(true);
        // The collector never writes back; data or a close from it only tells us the link is gone.
        s.on('data', () => undefined);
        s.on('close', () => drop(s));
        s.on('error', (err: Error & { code?: string }) => {
          drop(s);
          reject(alertDeliveryFailed(name, err.code ?? err.message));
        });
        s.once('connect', () => resolve(s));
      },
      () => {
        if (socket !== null) drop(socket);
      },
    );
    const pending = ready;
    // A failed connect is forgotten, so the next try opens a new one.
    pending.catch(() => {
      if (ready === pending) ready = null;
    });
    return pending;
  };
  return {
    name,
    target,
    async deliver(alert, signal) {
      const s = await open(signal);
      const bytes = octetCounted(line(alert));
      await abortable<void>(
        signal,
        ({ resolve, reject }) => {
          s.write(bytes, (err) => (err ? reject(alertDeliveryFailed(name, (err as { code?: string }).code ?? err.message)) : resolve()));
        },
        // A write that does not finish in time (the collector stopped reading): this connection is done.
        () => drop(s),
      );
    },
    async close() {
      if (socket !== null) {
        const s = socket;
        await new Promise<void>((resolve) => {
          s.end(() => resolve());
          setTimeout(() => resolve(), 200).unref();
        });
        drop(s);
      }
    },
  };
}
