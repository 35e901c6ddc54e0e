import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_MODEL } from '../../src/assemble.js';

/** The version of the model shipped in models/payload-v1, as the CLI prints it: tests name it without pinning one release. */
export const SHIPPED_VERSION = (JSON.parse(readFileSync(join(SHIPPED_MODEL, 'model.json'), 'utf8')) as { version: string }).version;

/** `SHIPPED_VERSION` escaped for a RegExp source. */
export const SHIPPED_VERSION_RE = SHIPPED_VERSION.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
