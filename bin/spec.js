#!/usr/bin/env node
// The published entry: the compiled CLI, or the MCP server for `spec mcp`. The two are sibling
// front ends that never import each other (scripts/import-direction.rules.ts), so the entry picks
// one; each loads only its own modules, so `spec --help` pays for nothing else.
const [command, ...rest] = process.argv.slice(2);
const run = command === 'mcp' ? import('../dist/mcp/main.js').then((m) => m.runMcp(rest)) : import('../dist/cli/main.js').then((m) => m.main(process.argv.slice(2)));

run.then((code) => {
  process.exitCode = code;
});
