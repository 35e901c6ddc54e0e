// Runs the CLI from source (tests spawn `node --import tsx test/helpers/cli-entry.ts ...`), no build needed.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
