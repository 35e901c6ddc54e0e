import { fileURLToPath } from 'node:url';

/** Directory of Warden's bundled rules (`signatures/` of the package), from src/ and dist/ alike. */
export const BUNDLED_RULES_DIR = fileURLToPath(new URL('../../signatures/', import.meta.url));
