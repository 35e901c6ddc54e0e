import { WardenError } from '../errors.js';
import { ipcClosed, ipcTimeout } from './errors.js';

/**
 * One end of a Node IPC link: `process` in a worker, a `cluster.Worker` or `ChildProcess` in the
 * primary. Only what the channel uses, so all three fit.
 */
export interface IpcPort {
  /** `(message, callback)`: all three take it; the callback gets ERR_IPC_CHANNEL_CLOSED instead of an 'error' event. */
  send(message: object, callback: (err: Error | null) => void): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

/** A request the other end answers (`reload`, `metrics`, `reputation.get`, ...). */
interface RequestMessage {
  warden: 'request';
  id: number;
  op: string;
  payload: unknown;
}
interface ResponseMessage {
  warden: 'response';
  id: number;
  ok: boolean;
  result?: unknown;
  error?: { code: string; message: string; status: number };
}
/** One-way: nothing answers (`ready`, `reputation.record`, `shutdown`). */
interface NoticeMessage {
  warden: 'notice';
  op: string;
  payload: unknown;
}
type ChannelMessage = RequestMessage | ResponseMessage | NoticeMessage;

export type IpcHandler = (payload: unknown) => unknown;

interface Pending {
  op: string;
  resolve(value: unknown): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

function isChannelMessage(m: unknown): m is ChannelMessage {
  return typeof m === 'object' && m !== null && typeof (m as { warden?: unknown }).warden === 'string';
}

function errorPayload(err: unknown): NonNullable<ResponseMessage['error']> {
  if (err instanceof WardenError) return { code: err.code, message: err.message, status: err.status };
  return { code: (err as { code?: string }).code ?? 'WARDEN_CLUSTER_HANDLER_FAILED', message: err instanceof Error ? err.message : String(err), status: 500 };
}

/**
 * Request/response and notices over a Node IPC link, both ways: the primary asks workers to reload
 * or report metrics, a worker asks the primary for its config or a source's reputation. Messages of
 * other senders on the same link (prom-client's, Node's own `NODE_CLUSTER` ones) are left alone.
 * Node's IPC keeps order per link, so a worker's notice is handled before its next request.
 */
export class IpcChannel {
  private readonly port: IpcPort;
  private readonly handlers = new Map<string, IpcHandler>();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closedReason: string | null = null;

  constructor(port: IpcPort, handlers: Record<string, IpcHandler> = {}) {
    this.port = port;
    this.handle(handlers);
    port.on('message', (m) => {
      if (isChannelMessage(m)) this.receive(m);
    });
  }

  handle(handlers: Record<string, IpcHandler>): void {
    for (const [op, fn] of Object.entries(handlers)) this.handlers.set(op, fn);
  }

  get closed(): boolean {
    return this.closedReason !== null;
  }

  request(op: string, payload: unknown, timeoutMs: number): Promise<unknown> {
    if (this.closedReason !== null) return Promise.reject(ipcClosed(op, this.closedReason));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(ipcTimeout(op, timeoutMs));
      }, timeoutMs);
      this.pending.set(id, { op, resolve, reject, timer });
      this.post({ warden: 'request', id, op, payload }, (err) => {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(ipcClosed(op, err.message));
      });
    });
  }

  /** Fire and forget; a closed link drops the notice (the receiver is gone). */
  notify(op: string, payload: unknown = null): void {
    if (this.closedReason === null) this.post({ warden: 'notice', op, payload }, () => undefined);
  }

  /** Rejects everything still waiting (the other end exited or disconnected). */
  close(reason: string): void {
    if (this.closedReason !== null) return;
    this.closedReason = reason;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(id);
      p.reject(ipcClosed(p.op, reason));
    }
  }

  private post(message: ChannelMessage, onError: (err: Error) => void): void {
    try {
      this.port.send(message, (err) => {
        // ERR_IPC_CHANNEL_CLOSED: the other end is gone.
        if (err !== null && err !== undefined) onError(err);
      });
    } catch (err) {
      onError(err as Error);
    }
  }

  private receive(m: ChannelMessage): void {
    if (m.warden === 'response') {
      const p = this.pending.get(m.id);
      if (p === undefined) return; // answered after its timeout
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.ok) p.resolve(m.result);
      else p.reject(new WardenError(m.error?.code ?? 'WARDEN_CLUSTER_HANDLER_FAILED', m.error?.message ?? 'failed', m.error?.status ?? 500));
      return;
    }
    const handler = this.handlers.get(m.op);
    if (m.warden === 'notice') {
      if (handler !== undefined) {
        try {
          const out = handler(m.payload);
          if (out instanceof Promise) out.catch(() => undefined);
        } catch {
          // A notice has nobody to answer; its handler reports its own failures.
        }
      }
      return;
    }
    const { id, op } = m;
    if (handler === undefined) {
      this.post({ warden: 'response', id, ok: false, error: { code: 'WARDEN_CLUSTER_UNKNOWN_OP', message: `no handler for "${op}"`, status: 501 } }, () => undefined);
      return;
    }
    let out: unknown;
    try {
      out = handler(m.payload);
    } catch (err) {
      this.post({ warden: 'response', id, ok: false, error: errorPayload(err) }, () => undefined);
      return;
    }
    Promise.resolve(out).then(
      (result) => this.post({ warden: 'response', id, ok: true, result }, () => undefined),
      (err: unknown) => this.post({ warden: 'response', id, ok: false, error: errorPayload(err) }, () => undefined),
    );
  }
}
