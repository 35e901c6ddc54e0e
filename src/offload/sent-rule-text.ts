/**
 * Rule text to an inspection thread once: a load message carries a rule file's text only when the
 * thread does not hold that text already (the same digest, sent in the load before). A reload with the
 * ET Open and Snort 3 packs sent their ~15 MB to every thread each time, structured-cloned on the
 * event loop that serves the traffic, even when no file had changed (session 31, walk31). Both sides
 * keep the texts of the last load message only: the pool's record of a thread and the thread's own
 * map change with the same messages, in the order the port delivers them.
 */
import type { InspectionInputs } from '../assemble.js';
import type { RuleSource } from '../signatures/read-rule-files.js';

/** A rule source as sent: `text` absent when the thread holds the text of `digest` from its last load. */
export interface SentRuleSource {
  file: string;
  digest?: string;
  text?: string;
}

export interface SentInputs extends Omit<InspectionInputs, 'ruleSources'> {
  ruleSources: SentRuleSource[];
}

/** The pool's side: `inputs` without the texts `held` (digests the thread holds); `held` becomes this message's digests. */
export function inputsToSend(inputs: InspectionInputs, held: Set<string>): SentInputs {
  const ruleSources = inputs.ruleSources.map((s): SentRuleSource => (s.digest !== undefined && held.has(s.digest) ? { file: s.file, digest: s.digest } : s));
  held.clear();
  for (const s of inputs.ruleSources) if (s.digest !== undefined) held.add(s.digest);
  return { ...inputs, ruleSources };
}

/**
 * The thread's side: the sources with their texts, from the message or from `held` (digest → text of the
 * last load), which becomes this message's. Throws when a text the pool left out is not held (a bug: the
 * two records disagree), so the load fails and the thread is replaced rather than built from nothing.
 */
export function inputsReceived(sent: SentInputs, held: Map<string, string>): InspectionInputs {
  const ruleSources = sent.ruleSources.map((s): RuleSource => {
    const text = s.text ?? (s.digest === undefined ? undefined : held.get(s.digest));
    if (text === undefined) throw new Error(`rule text of ${s.file} (digest ${s.digest ?? 'none'}) was not sent and is not held here`);
    return s.digest === undefined ? { file: s.file, text } : { file: s.file, text, digest: s.digest };
  });
  held.clear();
  for (const s of ruleSources) if (s.digest !== undefined) held.set(s.digest, s.text);
  return { ...sent, ruleSources };
}
