import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Directory of Warden's bundled rules (`signatures/` of the package), from src/ and dist/ alike. */
export const BUNDLED_RULES_DIR = fileURLToPath(new URL('../../signatures/', import.meta.url));

/** Whether a rule file is one of Warden's bundled rule files (a path inside BUNDLED_RULES_DIR). */
export function isBundledRuleFile(file: string): boolean {
  return resolve(file).startsWith(BUNDLED_RULES_DIR);
}
