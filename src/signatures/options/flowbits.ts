/**
 * `flowbits:set|unset|toggle|isset|isnotset,name[&name|name]` and `flowbits:noalert|reset`.
 * A proxy evaluates one request at a time, so bits live for one request: rules that set bits run
 * before rules that test them, and nothing carries over to the next request on the connection.
 */
import type { OptionKeyword } from './option-keyword.js';
import type { FlowbitsCommand } from '../rule.js';
import { ruleBadOptionValue } from '../errors.js';

const COMMANDS: readonly FlowbitsCommand[] = ['set', 'unset', 'toggle', 'isset', 'isnotset', 'noalert', 'reset'];

export const flowbits: OptionKeyword = {
  names: ['flowbits'],
  value: 'required',
  apply(value, rule) {
    const [commandText, namesText, group] = (value ?? '').split(',').map((s) => s.trim());
    const command = commandText.toLowerCase() as FlowbitsCommand;
    if (!COMMANDS.includes(command)) throw ruleBadOptionValue('flowbits', `unknown command '${commandText}'`);
    if (group !== undefined) rule.warn('flowbits group name ignored');
    if (command === 'noalert' || command === 'reset') {
      rule.flowbits.push({ command, names: [], any: false });
      return;
    }
    if (!namesText) throw ruleBadOptionValue('flowbits', `${command} needs a bit name`);
    const any = namesText.includes('|');
    const names = namesText.split(/[|&]/).map((s) => s.trim()).filter(Boolean);
    rule.flowbits.push({ command, names, any });
    if (command === 'isset' || command === 'isnotset') rule.warn('flowbits are scoped to one request');
  },
};
