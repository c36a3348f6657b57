#!/usr/bin/env node
// The published entry: the CLI, or the MCP server for `spec mcp`, each built into dist/bundle/ by
// scripts/bundle.mjs (a few files to load instead of a few hundred). The two are sibling front ends
// that never import each other (scripts/import-direction.rules.ts), so the entry picks one; each
// loads only its own modules, so `spec --help` pays for nothing else.
// One colour rule (src/report/color.ts): a non-empty NO_COLOR wins over FORCE_COLOR. Node's rule
// is the reverse, and on Node 22+ every thread and child that loads node:assert with both set warns
// "The 'NO_COLOR' env is ignored due to the 'FORCE_COLOR' env being set" above an uncoloured
// report: FORCE_COLOR is dropped here, before anything loads, so neither this process nor the ones
// it starts see both.
if (process.env.NO_COLOR && process.env.FORCE_COLOR !== undefined) delete process.env.FORCE_COLOR;
const [command, ...rest] = process.argv.slice(2);
// verify's runner thread starts first, held until the CLI takes it (src/run/prestart.ts): its own
// start-up then overlaps the CLI's. One that no runner took is stopped when the command ends.
const held = command === 'verify' ? import('../dist/bundle/prestart.js').then((m) => (m.prestartRunner(process.cwd(), process.env), m)) : undefined;
const cli = () => import('../dist/bundle/cli.js').then((m) => m.run(process.argv.slice(2)));
const run = command === 'mcp' ? import('../dist/bundle/mcp.js').then((m) => m.runMcp(rest)) : held ? held.then(cli, cli) : cli();

run.then((code) => {
  process.exitCode = code;
});
if (held) void run.finally(() => held.then((m) => m.discardHeldRunner(), () => undefined)).catch(() => undefined);
