import type { RuleBuilder } from '../rule-builder.js';

/** One rule keyword: its names and what it does to the rule being built. One file per keyword (or per family). */
export interface OptionKeyword {
  readonly names: readonly string[];
  /** 'none': the keyword takes no value; 'required': it must have one; 'optional': either. */
  readonly value: 'none' | 'required' | 'optional';
  apply(value: string | null, rule: RuleBuilder): void;
}
