/** Keywords that name and describe a rule without affecting detection: msg, sid, rev, gid, classtype, priority, reference, metadata. */
import type { OptionKeyword } from './option-keyword.js';
import { parseInteger } from '../rule-builder.js';
import { ruleBadOptionValue } from '../errors.js';

function unquote(value: string): string {
  const t = value.trim();
  const inner = t.startsWith('"') && t.endsWith('"') && t.length >= 2 ? t.slice(1, -1) : t;
  return inner.replace(/\\(["\\;:])/g, '$1');
}

export const msg: OptionKeyword = {
  names: ['msg'],
  value: 'required',
  apply(value, rule) {
    rule.msg = unquote(value ?? '');
  },
};

export const sid: OptionKeyword = {
  names: ['sid'],
  value: 'required',
  apply(value, rule) {
    rule.sid = parseInteger('sid', value, 1, Number.MAX_SAFE_INTEGER);
  },
};

export const rev: OptionKeyword = {
  names: ['rev'],
  value: 'required',
  apply(value, rule) {
    rule.rev = parseInteger('rev', value, 0, Number.MAX_SAFE_INTEGER);
  },
};

export const gid: OptionKeyword = {
  names: ['gid'],
  value: 'required',
  apply(value, rule) {
    rule.gid = parseInteger('gid', value, 1, Number.MAX_SAFE_INTEGER);
  },
};

export const classtype: OptionKeyword = {
  names: ['classtype'],
  value: 'required',
  apply(value, rule) {
    const name = (value ?? '').trim();
    if (!/^[A-Za-z0-9_-]+$/.test(name)) throw ruleBadOptionValue('classtype', `bad name '${name}'`);
    rule.classtype = name;
  },
};

export const priority: OptionKeyword = {
  names: ['priority'],
  value: 'required',
  apply(value, rule) {
    rule.priority = parseInteger('priority', value, 1, 2147483647);
  },
};

export const reference: OptionKeyword = {
  names: ['reference'],
  value: 'required',
  apply(value, rule) {
    rule.references.push((value ?? '').trim());
  },
};

export const metadata: OptionKeyword = {
  names: ['metadata'],
  value: 'required',
  apply(value, rule) {
    for (const entry of (value ?? '').split(',')) {
      const item = entry.trim();
      if (!item) continue;
      rule.metadata.push(item);
      // Snort 2 writes the service in metadata (`metadata: service http`); Snort 3 has `service:`. Suricata's
      // metadata is information only: its `service ftp` neither makes the rule an FTP rule nor skips it.
      const service = rule.flavour === 'suricata' ? null : /^service\s+(\S+)$/i.exec(item);
      if (service) rule.services.push(service[1].toLowerCase());
    }
  },
};

export const service: OptionKeyword = {
  names: ['service'],
  value: 'required',
  apply(value, rule) {
    for (const s of (value ?? '').split(',')) if (s.trim()) rule.services.push(s.trim().toLowerCase());
  },
};

/** Keywords that only steer other engines' bookkeeping; accepted and ignored on purpose. */
export const ignored: OptionKeyword = {
  names: ['target', 'rem', 'sd_pattern_ignored'],
  value: 'optional',
  apply() {},
};
