import { describe, expect, it } from 'vitest';
import { isErrorMessage } from '../../src/model/error-messages.js';
import type { Target } from '../../src/inspect/types.js';

const body = (name: string, raw: string): Target => ({ location: 'body', name, role: 'value', raw, decoded: [] });
const query = (name: string, raw: string, decoded: string[] = []): Target => ({ location: 'query', name, role: 'value', raw, decoded });

describe('isErrorMessage', () => {
  it("takes an exception's value or message by its place in a Sentry, Bugsnag or Rollbar report", () => {
    expect(isErrorMessage(body('exception.values[0].value', 'No such file or directory @ rb_sysopen - /etc/app/config.yml'))).toBe(true);
    expect(isErrorMessage(body('[2].exception.values[1].value', "[Errno 2] No such file or directory: '/var/www/html/x.log'"))).toBe(true);
    expect(isErrorMessage(body('events[0].exceptions[0].message', 'No such file or directory @ rb_sysopen - /etc/app/config.yml'))).toBe(true);
    expect(isErrorMessage(body('body.trace.exception.message', 'undefined method for nil'))).toBe(true);
  });

  it('takes a message or stack field whose value starts the way exception messages do', () => {
    for (const message of [
      'TypeError: array_map(): Argument #2 ($array) must be of type array, null given',
      'java.nio.file.NoSuchFileException: /etc/app/config.yml',
      'Illuminate\\Database\\QueryException: SQLSTATE[23000]: Integrity constraint violation',
      'Errno::ENOENT: No such file or directory @ rb_sysopen - /etc/app/config.yml',
      'Uncaught (in promise) Error: ENOENT: no such file or directory',
      '*url.Error: Post "http://payments.internal:8080/v1/charge": dial tcp 10.0.3.155:8080',
      '[Errno 2] No such file or directory',
      'PHP Fatal error: Uncaught Exception',
    ]) {
      expect(isErrorMessage(body('resourceLogs[0].scopeLogs[0].logRecords[0].body.stringValue', message))).toBe(true);
    }
    expect(isErrorMessage(query('msg', 'TypeError%3A%20x%20is%20undefined', ['TypeError: x is undefined']))).toBe(true);
  });

  it("takes a message by its field's name only when the lines below its header are its stack (session 33 carriers)", () => {
    expect(isErrorMessage(query('stack', "TypeError: x is undefined\n    at render (app.js:12:5)\n    at main (app.js:40:1)"))).toBe(true);
    expect(isErrorMessage(body('message', 'java.lang.IllegalStateException: closed\n\tat com.example.Pool.get(Pool.java:88)\nCaused by: java.io.IOException: reset\n\t... 12 more'))).toBe(true);
    expect(isErrorMessage(body('value', "TypeError: Cannot read properties of undefined (reading 'id')\njava.lang.System.getProperty(\"user.dir\")+\"uname -a\"\n"))).toBe(false);
    expect(isErrorMessage(body('message', 'Error: failed\n<img src=x onerror=alert(1)>'))).toBe(false);
    // A report's own exception field quotes a multi-line message (a query under the driver's error) and is not asked.
    expect(isErrorMessage(body('exception.values[0].value', 'UNIQUE constraint failed: orders.id\n[SQL: INSERT INTO orders (id) VALUES (?)]'))).toBe(true);
  });

  it('leaves other fields and values to the model', () => {
    // A chat message, a comment, or an attack that does not start like an exception.
    expect(isErrorMessage(body('message', "' union select password from users--"))).toBe(false);
    expect(isErrorMessage(body('message', 'Error handling in Go: a short guide'))).toBe(false);
    // The right shape in a field that is no message.
    expect(isErrorMessage(body('comment', 'TypeError: x is undefined'))).toBe(false);
    expect(isErrorMessage(query('q', 'TypeError: x is undefined'))).toBe(false);
    // Headers, paths and keys are never messages.
    expect(isErrorMessage({ location: 'header', name: 'error', role: 'value', raw: 'TypeError: x', decoded: [] })).toBe(false);
    expect(isErrorMessage({ location: 'body', name: 'message', role: 'key', raw: 'TypeError: x', decoded: [] })).toBe(false);
  });
});
