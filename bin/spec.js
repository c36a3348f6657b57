#!/usr/bin/env node
// The published entry: the compiled CLI. Kept tiny so `spec --help` pays for nothing else.
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
