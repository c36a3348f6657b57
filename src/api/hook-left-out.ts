/**
 * Scenarios the reviewed specs ran that the run now leaves out: tagged out (a tag added to the
 * scenario or its feature, or the config's tags narrowed), or deleted from a spec that is still
 * there. Like a removed spec, a scenario left out checks nothing, so a green suite without it
 * proves nothing. A scenario renamed with its steps kept still runs and is only a change to review.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { combineTags } from '../config/profile.js';
import type { AckConfig } from '../debt/ack-config.js';
import { ackedText, type Ack } from '../debt/ack-store.js';
import { compilePickles, parseGherkin } from '../spec/gherkin.js';
import { specKind } from '../spec/model.js';
import { scenarioFilter } from '../spec/scenario-filter.js';

export interface LeftOutScenario {
  file: string;
  name: string;
  /** What leaves it out now: the tags that exclude it, or its deletion from the spec. */
  why: string;
  /** An outline's rows left out for the same reason, told as one: its keyword as written, and how many rows. */
  outline?: { keyword: string; examples: number };
}

interface Filter {
  tags: string;
  names: string[];
}

interface Scenario {
  name: string;
  tags: string[];
  steps: string;
  /** The outline an example row comes from (its keyword and name as written), and the outline's id. */
  outline?: { id: string; keyword: string; name: string };
}

/**
 * `specs`: acked specs still present (and not drafted) whose text changed; every acked spec is
 * compared when the filter itself moved. `now`: the config record of the run as it resolves now.
 */
export async function leftOutSince(root: string, ack: Ack, changedSpecs: string[], present: Set<string>, now: AckConfig): Promise<LeftOutScenario[]> {
  const before = filterOf(ack.config ?? now);
  const after = filterOf(now);
  const filterMoved = before.tags !== after.tags || before.names.join('\n') !== after.names.join('\n');
  const acked = Object.entries(ack.files).filter(([file, entry]) => entry.kind === 'spec' && present.has(file));
  const specs = filterMoved ? acked.map(([file]) => file) : changedSpecs.filter((file) => ack.files[file]?.kind === 'spec');
  if (specs.some((file) => specKind(file) === 'markdown')) markdown ??= await import('../spec/markdown.js');
  const left: LeftOutScenario[] = [];
  for (const file of specs) {
    const then = await ackedText(root, ack.files[file]!.hash);
    const text = await readFile(path.join(root, file), 'utf8').catch(() => undefined);
    if (then === undefined || text === undefined) continue;
    left.push(...leftOutOf(file, scenariosOf(file, then), scenariosOf(file, text), before, after));
  }
  return left;
}

function leftOutOf(file: string, then: Scenario[] | undefined, now: Scenario[] | undefined, before: Filter, after: Filter): LeftOutScenario[] {
  // A spec that does not parse now fails the run itself: nothing passes over it.
  if (!then || !now) return [];
  const ran = then.filter(scenarioFilter(before.tags, before.names));
  const runs = now.filter(scenarioFilter(after.tags, after.names));
  const unmatched = takeMatching(ran, runs, (a, b) => a.name === b.name);
  const missing = takeMatching(unmatched.left, unmatched.right, (a, b) => a.steps === b.steps).left;
  return groupRows(missing.map((scenario) => ({ scenario, left: { file, name: scenario.name, why: whyLeftOut(scenario, now, after) } })));
}

/** An outline's rows left out for one reason are one entry: a person reads "Scenario Outline X (3 examples)", not X three times. */
function groupRows(rows: { scenario: Scenario; left: LeftOutScenario }[]): LeftOutScenario[] {
  const grouped: LeftOutScenario[] = [];
  const outlines = new Map<string, LeftOutScenario & { outline: NonNullable<LeftOutScenario['outline']> }>();
  for (const { scenario, left } of rows) {
    const outline = scenario.outline;
    if (!outline) {
      grouped.push(left);
      continue;
    }
    const key = `${outline.id}\n${left.why}`;
    const seen = outlines.get(key);
    if (seen) seen.outline.examples++;
    else {
      const entry = { ...left, name: outline.name, outline: { keyword: outline.keyword, examples: 1 } };
      outlines.set(key, entry);
      grouped.push(entry);
    }
  }
  return grouped;
}

function whyLeftOut(scenario: Scenario, now: Scenario[], after: Filter): string {
  const still = now.find((s) => s.name === scenario.name) ?? now.find((s) => s.steps === scenario.steps);
  if (!still) return 'deleted from the spec';
  const tags = still.tags.length ? `its tags ${still.tags.join(' ')}` : 'it has no tags';
  if (!scenarioFilter(after.tags, [])(still)) return `the run's tags '${after.tags}' leave it out (${tags})`;
  return `the run's names ${after.names.map((n) => `'${n}'`).join(', ')} leave it out`;
}

/** Pairs each of `a` with one of `b` that `same` matches; what is left on each side. */
function takeMatching(a: Scenario[], b: Scenario[], same: (x: Scenario, y: Scenario) => boolean): { left: Scenario[]; right: Scenario[] } {
  const right = [...b];
  const left: Scenario[] = [];
  for (const scenario of a) {
    const at = right.findIndex((other) => same(scenario, other));
    if (at === -1) left.push(scenario);
    else right.splice(at, 1);
  }
  return { left, right };
}

/** The run's tags and names as a config record holds them (spec.config's and the cucumber profile's keys). */
function filterOf(record: AckConfig): Filter {
  const entries = Object.values(record);
  const tags = entries.map((e) => parsed(e.keys.tags)).map((t) => (typeof t === 'string' ? t : undefined));
  const names = entries.flatMap((e) => parsed(e.keys.names)).filter((n): n is string => typeof n === 'string');
  return { tags: combineTags(...tags), names };
}

function parsed(json: string | undefined): unknown {
  try {
    return json === undefined ? undefined : JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** The scenarios (one per example row) of a spec's text; undefined when it does not parse. */
function scenariosOf(file: string, text: string): Scenario[] | undefined {
  const kind = specKind(file);
  if (!kind) return undefined;
  let gherkin = text;
  if (kind === 'markdown') {
    const md = compileMarkdown(text, file);
    if (md === undefined) return undefined;
    if (md === '') return [];
    gherkin = md;
  }
  const { document, problems } = parseGherkin(gherkin, file, kind === 'feature-md');
  if (problems.length) return undefined;
  const outlines = outlinesOf(document);
  return compilePickles(document, file).map((p) => {
    const outline = outlines.get(p.astNodeIds[0] ?? '');
    return { name: p.name, tags: p.tags.map((t) => t.name), steps: p.steps.map((s) => s.text).join('\n'), ...(outline ? { outline } : {}) };
  });
}

/** The document's scenarios with examples, by id: their pickles are its rows. */
function outlinesOf(document: ReturnType<typeof parseGherkin>['document']): Map<string, NonNullable<Scenario['outline']>> {
  const children = (document?.feature?.children ?? []).flatMap((child) => (child.rule ? child.rule.children : [child]));
  const outlines = children.map((child) => child.scenario).filter((scenario) => scenario !== undefined && scenario.examples.length > 0);
  return new Map(outlines.map((o) => [o!.id, { id: o!.id, keyword: o!.keyword.trim(), name: o!.name }]));
}

// Loaded only when a Markdown spec is compared, as compiling a run loads it.
let markdown: typeof import('../spec/markdown.js') | undefined;

/** A draft's scenarios never blocked, so leaving one out since takes nothing away: it compiles to none. */
function compileMarkdown(text: string, file: string): string | undefined {
  const md = markdown!.compileMarkdownSpec(text, file);
  if (md.frontMatter.status === 'draft') return '';
  return md.problems.length ? undefined : md.gherkin;
}
