/**
 * The buffers of one request by slot, with lower-cased copies made on first use (nocase contents are
 * compared against them). Reused across requests to keep the hot path free of per-request arrays.
 */
import type { Inspection } from '../../inspect/types.js';
import { NAMED_BUFFERS } from '../compile/compiled-rule.js';

export class RequestBuffers {
  private readonly texts: string[];
  private readonly lowered: Array<string | null>;

  constructor(private readonly headerFields: readonly string[]) {
    const slots = NAMED_BUFFERS.length + headerFields.length;
    this.texts = new Array<string>(slots).fill('');
    this.lowered = new Array<string | null>(slots).fill(null);
  }

  load(inspection: Inspection): void {
    const buffers = inspection.buffers;
    for (let i = 0; i < NAMED_BUFFERS.length; i++) {
      this.texts[i] = buffers[NAMED_BUFFERS[i]];
      this.lowered[i] = null;
    }
    for (let i = 0; i < this.headerFields.length; i++) {
      const slot = NAMED_BUFFERS.length + i;
      this.texts[slot] = inspection.headerMap.get(this.headerFields[i]) ?? '';
      this.lowered[slot] = null;
    }
  }

  text(slot: number): string {
    return this.texts[slot];
  }

  lower(slot: number): string {
    let l = this.lowered[slot];
    if (l === null) {
      l = this.texts[slot].toLowerCase();
      this.lowered[slot] = l;
    }
    return l;
  }
}
