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

/**
 * A Java or JavaScript frame as a stack trace prints it: `at org.x.Y.method(Y.java:132)`, `at java.base/jdk.internal…(BuiltinClassLoader.java:641)`,
 * `at Foo.bar(Native Method)`, `at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)`, `at /srv/app/x.js:12:5`.
 */
const PRINTED_FRAME =
  /^\s*at (?:[\w$.<>/-]+\((?:[\w$.-]+\.(?:java|kt|scala|groovy|clj):\d+|Native Method|Unknown Source)\)|(?:[\w$.<>]+(?: \[as [\w$]+\])? )?\(?(?:node:[\w:/]+|\/?[\w./@-]+\.[cm]?[jt]sx?):\d+:\d+\)?)$/;

/**
 * The other lines of a printed trace: an exception's header or cause with a plain message (no quote, angle
 * bracket, backtick, `$`, `|`, `&`, `;` or backslash: a message that could carry a payload keeps the block
 * scored), and `... 12 more` / `... 3 common frames omitted`.
 */
const PRINTED_TRACE_LINE = /^\s*(?:(?:Exception in thread "[\w -]+" |Caused by: |Suppressed: )?(?:[\w$]+\.)*[\w$]*(?:Exception|Error|Throwable)(?::[^'"<>`$|&;\\]*)?|\.\.\. \d+ (?:more|common frames omitted))$/;

/**
 * Whether `text` is a Java or JavaScript stack trace as printed (a bug report's fenced block): every line a
 * frame, an exception header or cause with a plain message, or an elision, and at least two frames. Frames
 * name classes and files (`java.lang.ClassLoader.loadClass`), which reflection rules and the model read as
 * a gadget chain; a printed trace is output, run by nothing.
 */
export function isQuotedStackTrace(text: string): boolean {
  if (text.length > 16_384 || !text.includes('at ')) return false;
  let frames = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (PRINTED_FRAME.test(line)) frames++;
    else if (!PRINTED_TRACE_LINE.test(line)) return false;
  }
  return frames >= 2;
}
