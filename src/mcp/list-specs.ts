import { z } from '../core/zod.js';
import { specReading } from '../api/config.js';
import { compileSpecs } from '../spec/compile.js';
import { discoverSpecs } from '../spec/discover.js';
import { compilePickles } from '../spec/gherkin.js';
import { loadScenarioMap } from '../impact/scenario-map.js';
import { ScenarioStatusSchema } from '../report/verdict.js';
import { configStamp } from './config-stamp.js';

export const SpecListSchema = z.object({
  specs: z.array(
    z.object({
      file: z.string().describe('project-relative path of the spec (.feature, .feature.md or Markdown)'),
      kind: z.enum(['feature', 'feature-md', 'markdown']),
      draft: z.literal(true).optional().describe('front matter says status: draft'),
      problems: z.array(z.string()).describe('why the file does not compile, if it does not'),
      scenarios: z.array(
        z.object({
          id: z.string().describe('file:line; `verify` takes it as a path'),
          name: z.string(),
          line: z.number().int().min(1),
          tags: z.array(z.string()),
          status: z.union([ScenarioStatusSchema, z.literal('not-run')]).describe('how it ended in the last run that ran it (spec verify, watch or this server), or not-run'),
        }),
      ),
    }),
  ),
});
export type SpecList = z.infer<typeof SpecListSchema>;

/** Every configured spec with its scenarios (each outline row its own), their tags, line and last known status. Runs nothing. */
export async function listSpecs(root: string, paths: string[]): Promise<SpecList> {
  const { globs, language } = await specReadingOf(root);
  const selection = await discoverSpecs(root, globs, paths);
  const [compiled, map] = await Promise.all([compileSpecs(root, selection.files, { write: false, language }), loadScenarioMap(root)]);
  const status = new Map((map?.scenarios ?? []).map((s) => [s.id, s.status]));
  const specs = compiled.files.map((f) => ({
    file: f.path,
    kind: f.kind,
    ...(f.frontMatter?.status === 'draft' ? { draft: true as const } : {}),
    problems: f.problems.map((p) => `${p.location ? `line ${p.location.line}: ` : ''}${p.message}`),
    scenarios: compilePickles(f.document, f.path).map((pickle) => {
      const line = pickle.location?.line ?? 1;
      const id = `${f.path}:${line}`;
      return { id, name: pickle.name, line, tags: pickle.tags.map((t) => t.name), status: status.get(id) ?? ('not-run' as const) };
    }),
  }));
  return { specs };
}

/** Per project root, how specs are read while its config files had this stamp. */
const readingByRoot = new Map<string, { stamp: string; reading: Awaited<ReturnType<typeof specReading>> }>();

/**
 * The globs and language verify would read specs with. Resolved again only when a config file
 * changed: a profile only cucumber can read costs a runner.
 */
async function specReadingOf(root: string): Promise<Awaited<ReturnType<typeof specReading>>> {
  const stamp = configStamp(root);
  const known = readingByRoot.get(root);
  if (known?.stamp === stamp) return known.reading;
  const reading = await specReading(root);
  readingByRoot.set(root, { stamp, reading });
  return reading;
}
