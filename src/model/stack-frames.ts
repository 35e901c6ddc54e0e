/**
 * Fields of a stack trace, as error reporters send them (Sentry `exception.values[].stacktrace.frames[]`,
 * Bugsnag `events[].exceptions[].stacktrace[]`, Rollbar `trace.frames[]`, Python `traceback`, Ruby
 * `backtrace`). A frame names the source file its code ran from (`filename`, `abs_path`, `file`) and
 * quotes the lines around the failing one (`context_line`, `pre_context`, `post_context`, Bugsnag's
 * `code` map). Those are the application's own code and paths, by the report's declaration: a path
 * there is a mention, not a file to include, and a source line is code by construction, so its syntax
 * is no evidence (like a declared `sh -c` script, only a signature hit on it sends it to the model).
 * An attacker who plants a payload in such a field still meets every signature, and a hit forces the
 * model to score it.
 */

/** A stack-trace container among the field's ancestors (not the field itself). */
const STACK_TRACE_ANCESTOR = /(?:^|[.\]])(?:stacktrace|stack_trace|frames|backtrace|traceback|call_?stack)[.[]/i;

/** The source-line fields of a frame: Sentry's context lines, Bugsnag's `code` map, a frame's `source`. */
const SOURCE_LINE_FIELD = /\.(?:context_line|pre_context\[\d+\]|post_context\[\d+\]|code\[[^\]]+\]|code\.\d+|source_line|code_line)$/;

/** True when the field sits inside a stack trace (see the module comment). */
export function isInStackTrace(name: string): boolean {
  return STACK_TRACE_ANCESTOR.test(name);
}

/** True when the field is a source line a stack frame quotes. */
export function isFrameSourceLine(name: string): boolean {
  // Asked for every body field the model would score: names that cannot match (not ending in `]`,
  // a digit or `_line`) leave before any regex runs.
  const last = name.charCodeAt(name.length - 1);
  if (last !== 0x5d && last !== 0x65 && (last < 0x30 || last > 0x39)) return false;
  return SOURCE_LINE_FIELD.test(name) && STACK_TRACE_ANCESTOR.test(name);
}
