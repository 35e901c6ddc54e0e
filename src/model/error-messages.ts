/**
 * An exception's message, as error reporters and log shippers send it: Sentry's
 * `exception.values[].value`, Bugsnag's `events[].exceptions[].message`, Rollbar's
 * `trace.exception.message`, a `window.onerror` beacon's `msg`/`stack`, an OTLP log record's
 * `body.stringValue` — `ErrorException: file_get_contents(/var/www/html/storage/logs/laravel.log)`,
 * `Errno::ENOENT: No such file or directory @ rb_sysopen - /etc/app/config.yml`,
 * `Illuminate\Database\QueryException: SQLSTATE[23000]: … (SQL: insert into …)`. A message quotes what
 * failed — a server path, an SQL statement, an internal URL — by the report's declaration, and those
 * quotes are no evidence of an attack on the request carrying them; scored alone they look like file
 * inclusion or SQL injection to the model. Like a stack frame's source line (stack-frames.ts), such a
 * field goes to the model only on a signature hit: a payload planted in it still meets every signature.
 * A field is a message by its place in a report (an exception's value or message), or by its name
 * (`msg`, `message`, `stack`, `error`, …) and a value that starts the way exception messages do.
 */
import type { Target } from '../inspect/types.js';

/** An exception's own message field, by its place in a Sentry, Bugsnag or Rollbar report. */
const EXCEPTION_MESSAGE_FIELD = /(?:^|[.\]])(?:exception\.values\[\d+\]\.value|exceptions\[\d+\]\.message|exception\.message)$/;

/** Names of fields that hold a message or a stack in reports and log records. */
const MESSAGE_NAME = /(?:^|[.\]])(?:msg|message|errorMessage|error_message|stack|stacktrace|error|reason|stringValue|formatted|description|value)$/;

/**
 * How exception messages start: a class or error type then `: ` — `TypeError: `, `java.nio.file.NoSuchFileException: `,
 * `Illuminate\Database\QueryException: `, `Errno::ENOENT: `, `*url.Error: ` — optionally after `Uncaught `,
 * or Python's `[Errno 2] `, PHP's `Fatal error: `/`Warning: `.
 */
const EXCEPTION_START =
  /^(?:Uncaught\s+(?:\(in promise\)\s+)?)?(?:(?:(?:[A-Za-z_$][\w$]*(?:\.|\\|::))*[A-Z][\w$]*(?:Error|Exception|Fault|Failure)|Errno::E[A-Z]+|\*?[a-z]\w*\.(?:[A-Z]\w*)?Error|Error|(?:PHP )?(?:Fatal error|Warning|Notice|Parse error))(?:\s*\[[\w-]+\])?:\s|\[Errno \d+\]\s)/;

/** The value as the application reads it: a query or form value's decoded form. */
function readValue(target: Target): string {
  return target.raw.includes('%') && target.decoded.length > 0 ? target.decoded[0] : target.raw;
}

/** True when the field is an exception's message or stack (see the module comment). */
export function isErrorMessage(target: Target): boolean {
  if (target.role !== 'value' || target.location === 'header' || target.location === 'path') return false;
  const name = target.name;
  // Asked for every field the model would score: names that cannot match leave after one test.
  if (!MESSAGE_NAME.test(name)) return false;
  if (target.location === 'body' && EXCEPTION_MESSAGE_FIELD.test(name)) return true;
  const value = readValue(target);
  return EXCEPTION_START.test(value) && restIsStack(value);
}

/**
 * A line after a message's first in a field named for a message or stack: a stack frame (`    at f (a.js:1:2)`, `\tat
 * com.x.Y.z(Y.java:88)`, `  File "a.py", line 3, in f`, Ruby's `\tfrom a.rb:3`, PHP's `#0 /a.php(3): f()`), a cause
 * (`Caused by: …`), an elision (`... 12 more`), a trace's heading, or nothing.
 */
const STACK_LINE = /^(?:\s+at\s|\s*at\s+[\w$.<>[\]/:-]+\s*\(|\s*File "|\s+from\s|\s*#\d+\s|Caused by: |\s*\.\.\. \d+ (?:more|common frames omitted)|(?:Stack trace|Traceback \(most recent call last\)):?\s*$|\s*$)/;

/**
 * Whether every line after the first is a stack's (STACK_LINE). A field is a message by its name only when what follows
 * the exception's header is its stack: session 33 (adv33, datasets/shape-carriers.ts) found a field named `value`,
 * `message` or `error` opening with `TypeError: …` kept any payload on the lines below out of the model. A report's own
 * exception field (EXCEPTION_MESSAGE_FIELD) quotes a multi-line message (a query, a driver's hint) and is not asked.
 */
function restIsStack(value: string): boolean {
  for (let start = value.indexOf('\n') + 1; start > 0 && start < value.length; ) {
    const end = value.indexOf('\n', start);
    if (!STACK_LINE.test(value.slice(start, end < 0 ? value.length : end))) return false;
    start = end + 1;
  }
  return true;
}
