/**
 * `threshold:type limit|threshold|both, track by_src|by_dst, count N, seconds S` and
 * `detection_filter:track by_src|by_dst, count N, seconds S`. Counters are in memory, per process.
 */
import type { OptionKeyword } from './option-keyword.js';
import type { RateFilter } from '../rule.js';
import { ruleBadOptionValue } from '../errors.js';

function parseRateFilter(keyword: string, value: string, needsType: boolean): RateFilter {
  const fields = new Map<string, string>();
  for (const part of value.split(',')) {
    const [k, v] = part.trim().split(/\s+/);
    if (k && v) fields.set(k.toLowerCase(), v);
  }
  const type = needsType ? fields.get('type') : 'detection';
  if (type !== 'limit' && type !== 'threshold' && type !== 'both' && type !== 'detection') {
    throw ruleBadOptionValue(keyword, `type must be limit, threshold or both`);
  }
  const track = fields.get('track');
  if (track !== 'by_src' && track !== 'by_dst' && track !== 'by_rule') throw ruleBadOptionValue(keyword, 'track must be by_src or by_dst');
  const count = Number(fields.get('count'));
  const seconds = Number(fields.get('seconds'));
  if (!Number.isInteger(count) || count < 1) throw ruleBadOptionValue(keyword, 'count must be a positive integer');
  if (!Number.isInteger(seconds) || seconds < 1) throw ruleBadOptionValue(keyword, 'seconds must be a positive integer');
  return { type, track, count, seconds };
}

export const threshold: OptionKeyword = {
  names: ['threshold'],
  value: 'required',
  apply(value, rule) {
    rule.threshold = parseRateFilter('threshold', value ?? '', true);
  },
};

export const detectionFilter: OptionKeyword = {
  names: ['detection_filter'],
  value: 'required',
  apply(value, rule) {
    rule.detectionFilter = parseRateFilter('detection_filter', value ?? '', false);
  },
};
