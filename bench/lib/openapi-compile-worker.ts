/** Child process of bench/openapi-directory.ts: compiles the documents it is sent (IPC), one at a time, and answers each. */
import { compileSpec } from '../../src/schema/compile-spec.js';

process.on('message', (file: string) => {
  const started = performance.now();
  compileSpec(file, { strictAdditionalProperties: false }).then(
    (spec) => process.send!({ file, ok: true, ms: performance.now() - started, operations: spec.operations.length, notes: spec.notes.map((n) => n.message) }),
    (err: { code?: string; message?: string; details?: { reason?: string } }) =>
      process.send!({ file, ok: false, ms: performance.now() - started, code: err.code ?? 'UNCAUGHT', reason: err.details?.reason ?? String(err.message ?? err) }),
  );
});
