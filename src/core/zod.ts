/*
 * The one place specloop's own code takes zod from (the MCP SDK loads its own full zod: schemas pass
 * between the two, as zod 4 keeps its registry and config on globalThis and checks instances by trait).
 *
 * Why: zod's every entry re-exports all its locales (`export * as locales`), so `import 'zod'` loads
 * ≈ 95 ES modules, 987 KB, ≈ 60 ms of CPU — on every `spec verify`, in the CLI thread that runs beside
 * the runner on a 2-core machine. `npm run build` replaces this file's output (dist/core/zod.js) with
 * one bundled module holding only the zod functions src/ calls (scripts/bundle-zod.mjs): ≈ 13 ms,
 * English messages kept. The types stay zod's own; the unit tests run on this re-export, unbundled.
 */
export { z } from 'zod';
