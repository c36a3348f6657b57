/**
 * Which folder of src/ may import which: DESIGN.md's data flow, one way. Read by
 * scripts/import-direction.ts and checked by test/import-direction.test.ts in every `npm test`.
 *
 * Why a direction at all: each stage takes data from the stages before it and returns data to the
 * ones after it. An import against the flow ties a lower stage to a higher one's shape, so the
 * higher one can no longer change alone, and two folders importing each other are one folder in
 * disguise. When a lower stage needs something a higher one defines, the thing moves down (to the
 * lowest folder that needs it, often core/), never the import up.
 */

/**
 * The pipeline, lowest first: a folder may import from itself and from folders BEFORE it here,
 * never from one after it. Type-only imports count too: a type is a shape the lower stage would
 * have to follow.
 */
export const PIPELINE = [
  // Shared vocabulary: errors, result shapes, file helpers, timing. Imports nothing of specloop.
  'core',
  // User config, the cucumber profile, the project root: what the run is asked to do.
  'config',
  // Finding and compiling .feature and Markdown specs into Gherkin.
  'spec',
  // Support files, step definitions, snippets: what binds steps to code.
  'bind',
  // The runner: worker/child lifecycle, hang recovery, gates.
  'run',
  // What a run leaves behind: scenario map, coverage baseline, `--changed` selection.
  'impact',
  // Comprehension debt (measured from what the run and impact produced).
  'debt',
  // The verdict and its renderers: the end of the flow, read by every front end.
  'report',
  // The watch session composes the stages; it is a front end of its own, not a stage of api/.
  'watch',
  // The public library functions (verify, compile, init, watch) over all of the above.
  'api',
] as const;

/**
 * The front ends: they may import everything above, and nothing imports them (a library user
 * would otherwise get a CLI's process handling). They do not import each other either.
 */
export const FRONT_ENDS = ['cli', 'mcp'] as const;

/**
 * Side branches: folders outside the pipeline, with what they may import and who may import them.
 * `init/` writes a new project's files: it needs the config's shape and core's helpers, no stage
 * of a run, and only the entry points (api/ and the front ends) call it.
 */
export const BRANCHES: Record<string, { readonly imports: readonly string[]; readonly importedBy: readonly string[] }> = {
  init: { imports: ['core', 'config'], importedBy: ['api', 'cli', 'mcp'] },
};

/**
 * Files directly in src/ (the package entry, index.ts) sit above api/: they re-export the library
 * and may import anything but the front ends.
 */
export const ROOT = '.';

/**
 * Upward imports that are known and have an owner, in the habit of dependency-cruiser's
 * known-violations file: they do not fail the check, but one that no longer occurs does (so the
 * list only shrinks), and a new one cannot pass without an edit here that a reviewer sees.
 */
export const KNOWN_VIOLATIONS: readonly { readonly from: string; readonly to: string }[] = [];
