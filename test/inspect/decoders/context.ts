import type { DecodeContext } from '../../../src/inspect/decoders/decoder.js';

export function freshContext(plusAsSpace = false): DecodeContext {
  return { plusAsSpace, flags: 0 };
}
