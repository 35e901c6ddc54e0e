import cluster from 'node:cluster';
import { IpcChannel } from './ipc-channel.js';

let channel: IpcChannel | null = null;

/**
 * This worker's one link to the primary (reload, metrics and shutdown come in; config and shared
 * reputation go out); null outside a cluster worker. One per process: every user shares it.
 */
export function primaryChannel(): IpcChannel | null {
  if (!cluster.isWorker || process.send === undefined) return null;
  if (channel === null) {
    const link = new IpcChannel({
      send: (message, callback) => process.send!(message, undefined, undefined, callback),
      on: (event, listener) => process.on(event, listener),
    });
    process.once('disconnect', () => link.close('the primary disconnected'));
    channel = link;
  }
  return channel;
}
