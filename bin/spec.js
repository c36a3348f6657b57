#!/usr/bin/env node
// The published entry: the compiled CLI. Kept tiny so `spec --help` pays for nothing else.
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // The verdict is out: nothing left may hold the process (e.g. a runner thread still stuck in a
  // native call). Unref'd, so a clean exit never waits for it.
  setTimeout(() => process.exit(code), 2000).unref();
});
