#!/usr/bin/env node
// The published entry: the CLI, or the MCP server for `spec mcp`, each built into dist/bundle/ by
// scripts/bundle.mjs (a few files to load instead of a few hundred). The two are sibling front ends
// that never import each other (scripts/import-direction.rules.ts), so the entry picks one; each
// loads only its own modules, so `spec --help` pays for nothing else.
const [command, ...rest] = process.argv.slice(2);
const run = command === 'mcp' ? import('../dist/bundle/mcp.js').then((m) => m.runMcp(rest)) : import('../dist/bundle/cli.js').then((m) => m.run(process.argv.slice(2)));

run.then((code) => {
  process.exitCode = code;
});
