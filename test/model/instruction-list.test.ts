/**
 * A PLC program in Instruction List saved whole (blind benign set 11's industrial/12, read: a seal-in rung, 0.80) is
 * control logic; a line of anything else, a quote, `=`, `;` or an injection word keeps it scored.
 */
import { describe, expect, it } from 'vitest';
import { isInstructionList } from '../../src/model/instruction-list.js';
import { INJECTION_WORDS } from '../../src/model/screen.js';

const il = (t: string): boolean => isInstructionList(t, INJECTION_WORDS);

describe('isInstructionList', () => {
  it('takes IEC 61131-3 instruction lists and ladder mnemonics with addresses, symbols, comments and labels', () => {
    for (const t of ['LD I:0/0\nOR O:0/0\nANDN I:0/1\nANDN I:0/2\nOUT O:0/0', '(* seal-in *)\nLD %IX0.0\nOR %QX0.0\nANDN %IX0.1\nST %QX0.0', 'XIC I:0/0\nXIO I:0/1\nOTE O:0/0', 'start:\nLD PB_START\nTON T#5s\nST M_RUN']) {
      expect(il(t), t).toBe(true);
    }
  });

  it('leaves comparisons, statements, shell lines, quotes, injection words and short texts to be judged', () => {
    for (const t of ['LD x\nOR 1=1\nST y', 'LD a\nOR b\nrm -rf /', 'LD a;id\nOR b\nST c', 'select\nfrom\nwhere', 'LD a\nOR b', 'LD cat\nOR ls\nST id', "OR '1'\nOR 1\nOR 2", 'LD a\nOR b\nST sleep']) {
      expect(il(t), t).toBe(false);
    }
  });
});
