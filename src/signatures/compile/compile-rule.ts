/** Turns one parsed `Rule` into the matcher's `CompiledRule`. */
import { BlockList, isIPv6 } from 'node:net';
import type { RuleEffect } from '../types.js';
import type { AddressSet, BufferRef, Rule } from '../rule.js';
import type { BufferSlot, CompiledOption, CompiledRule } from './compiled-rule.js';
import { FIRST_FIELD_SLOT, NAMED_BUFFERS, derivedSlot } from './compiled-rule.js';
import { compileSafeRegex } from '../safe-regex.js';
import { classtypePriority } from './classtype-priority.js';
import { readsTextView } from './text-view-rules.js';

/** Assigns slots to header-field buffers as rules ask for them. */
export class BufferSlots {
  readonly headerFields: string[] = [];

  slotOf(ref: BufferRef): BufferSlot {
    if (ref.derived !== undefined) return derivedSlot(ref.derived);
    if (ref.headerField === null) return NAMED_BUFFERS.indexOf(ref.name);
    let i = this.headerFields.indexOf(ref.headerField);
    if (i < 0) i = this.headerFields.push(ref.headerField) - 1;
    return FIRST_FIELD_SLOT + i;
  }
}

export function compileRule(rule: Rule, index: number, effect: RuleEffect, slots: BufferSlots): CompiledRule {
  const options: CompiledOption[] = rule.detection.map((o): CompiledOption => {
    const slot = slots.slotOf(o.buffer);
    switch (o.kind) {
      case 'content':
        return {
          kind: 'content',
          slot,
          pattern: o.nocase ? o.bytes.toLowerCase() : o.bytes,
          nocase: o.nocase,
          negated: o.negated,
          relative: o.distance !== null || o.within !== null,
          offset: o.offset ?? 0,
          depth: o.depth ?? -1,
          distance: o.distance ?? 0,
          within: o.within ?? -1,
          endsWith: o.endsWith,
          presenceOnly: o.fastPattern?.only === true,
        };
      case 'pcre':
        return { kind: 'pcre', slot, regex: compileSafeRegex(o.source, o.flags), negated: o.negated, relative: o.relative };
      case 'length':
        return { kind: 'length', slot, min: o.range.min, max: o.range.max };
      case 'isdataat':
        return { kind: 'isdataat', slot, position: o.position, relative: o.relative, negated: o.negated };
      case 'base64Decode':
        return { kind: 'base64Decode', slot, bytes: o.bytes ?? -1, offset: o.offset, relative: o.relative };
      case 'foreignHost':
        return { kind: 'foreignHost', slot, lookalike: o.lookalike === true };
    }
  });
  const laterRelative = options.map((_, k) => options.slice(k + 1).some(dependsOnCursor));
  return {
    index,
    rule,
    effect,
    priority: rule.priority ?? classtypePriority(rule.classtype),
    weight: undefined,
    weightSource: undefined,
    firesOnBenign: false,
    options,
    readsPacketViews: rule.fileDirectives.packetViews === 'decoded',
    readsTextView: readsTextView(rule),
    laterRelative,
    sourceAllowed: compileAddressCheck(rule.header.source),
    flowbitsChecks: rule.flowbits.filter((f) => f.command === 'isset' || f.command === 'isnotset'),
    flowbitsActions: rule.flowbits.filter((f) => f.command === 'set' || f.command === 'unset' || f.command === 'toggle' || f.command === 'reset'),
    noalert: rule.flowbits.some((f) => f.command === 'noalert'),
    threshold: rule.threshold,
    detectionFilter: rule.detectionFilter,
  };
}

function dependsOnCursor(o: CompiledOption): boolean {
  return (o.kind === 'content' && o.relative) || (o.kind === 'pcre' && o.relative) || (o.kind === 'isdataat' && o.relative) || (o.kind === 'base64Decode' && o.relative);
}

function compileAddressCheck(set: AddressSet): ((ip: string) => boolean) | null {
  if (set.any && set.exclude.length === 0) return null;
  const include = toBlockList(set.include);
  const exclude = toBlockList(set.exclude);
  return (address) => {
    // Node reports IPv4 clients on dual-stack sockets as ::ffff:a.b.c.d.
    const ip = address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
    const family = isIPv6(ip) ? 'ipv6' : 'ipv4';
    if (exclude.check(ip, family)) return false;
    return set.any || include.check(ip, family);
  };
}

function toBlockList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const family = isIPv6(address) ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}
