import { existsSync } from 'node:fs';
import path from 'node:path';
import { graphKnows } from '../impact/build-output.js';
import { saveGraph } from '../impact/cache.js';
import { loadProjectGraph, selectForChanges } from '../impact/changes.js';
import type { ImportGraph } from '../impact/graph.js';
import type { UpdateResult } from '../impact/types.js';
import { feedsImportGraph, isCode } from '../impact/project-files.js';
import { recordRunMap } from '../impact/record.js';
import { buildScenarioMap, loadScenarioMap, mergeScenarioMap, saveScenarioMap, type ScenarioMap } from '../impact/scenario-map.js';
import type { Selection } from '../impact/select.js';
import { sharedSupportFiles } from '../impact/support-kind.js';
import type { Verdict } from '../report/verdict.js';
import { debtChange, type DebtChange } from '../debt/change.js';
import type { DebtSummary } from '../debt/model.js';
import { scenarioCount } from './scenario-count.js';
import { warmEditCheck, warmSupportKinds } from './warm-up.js';
import { SourceSnapshots, type EditCheck } from './snapshots.js';
import { leftTheSuite, mapWithout, selectionWithout, SpecFiles } from './spec-files.js';
import { SuiteState } from './suite-state.js';
import type { VerifyDetails, WatchOptions } from './types.js';

/** What asked for a run: edits, or a key (all, failed, the last selection again). */
export interface Request {
  mode: 'changes' | 'all' | 'failed' | 'last';
  changed: string[];
}

/** Two requests as one run: every scenario if either asks for it, and both sets of changes. */
export function mergeRequests(a: Request | undefined, b: Request): Request {
  if (!a) return b;
  const mode = a.mode === 'all' || b.mode === 'all' ? 'all' : b.mode === 'changes' || a.mode === 'changes' ? 'changes' : b.mode;
  return { mode, changed: [...new Set([...a.changed, ...b.changed])] };
}

/** What a session knows of the suite and learns from each run; selects as `--changed` does, plus keys. */
export class SuiteKnowledge {
  private graph: ImportGraph | undefined;
  private map: ScenarioMap | undefined;
  private readonly suite = new SuiteState();
  private lastSelection: Selection | undefined;
  /** The last run's debt summary: the edited files' own change is against it. */
  private lastDebt: DebtSummary | undefined;
  private readonly snapshots: SourceSnapshots;
  private readonly specs: SpecFiles;

  constructor(
    private readonly root: string,
    private readonly options: WatchOptions,
  ) {
    this.snapshots = new SourceSnapshots(root);
    this.specs = new SpecFiles(root);
  }

  async loadMap(): Promise<void> {
    this.map = await loadScenarioMap(this.root);
  }

  async loadGraph(): Promise<void> {
    this.graph = await loadProjectGraph(this.root);
  }

  /** The next watch or --changed starts from what this session learned. */
  async saveGraph(): Promise<void> {
    if (this.graph) await saveGraph(this.graph).catch(() => undefined);
  }

  /** Whether the import graph (a build file: through its source), a spec or a step file knows the file. */
  knows(file: string): boolean {
    return graphKnows(this.graph, this.root, file) || this.specs.has(file) || Boolean(this.map?.supportFiles.includes(file));
  }

  /** Absolute paths. */
  importGraph = (): ImportGraph | undefined => this.graph;

  /** The graph follows every edit at once (≈ 0.1 ms each); true when its wiring may have moved. */
  edited(changed: string[]): boolean {
    const moved = (r: UpdateResult | undefined) => !r || (r.status !== 'unchanged' && r.status !== 'ignored');
    return changed.filter(feedsImportGraph).map((f) => this.graph?.update(path.join(this.root, f))).some(moved);
  }

  /** With coverage in the map, which edits stayed inside function bodies (those select exactly). */
  async classify(request: Request): Promise<EditCheck | undefined> {
    if (!this.map?.loadActive) return undefined;
    return this.snapshots.begin(request.changed.filter(isCode), new Set(this.map.scenarios.flatMap((s) => s.covered ?? [])));
  }

  async select(request: Request, bodyOnly?: (file: string) => boolean): Promise<Selection> {
    const gone = await this.followSpecs(request.changed);
    const all: Selection = { all: true, paths: [], reasons: [{ target: 'every scenario', because: request.mode === 'all' ? 'full run' : 'requested' }], triggers: request.changed };
    if (request.mode === 'all') return (this.lastSelection = all);
    if (request.mode === 'last') return this.lastSelection ?? all;
    // A load error held all back.
    if (request.mode === 'failed' || !this.suite.problemFiles()) return this.failedSelection(all);
    const selection = selectForChanges({ root: this.root, changed: request.changed, map: this.map, graph: this.graph, specFiles: this.specs.list(), bodyOnly });
    if (gone && !selection.all && !selection.paths.length) return { ...selection, reasons: [{ target: gone.deleted.join(', '), because: gone.reason }] };
    // An edit that ran nothing leaves enter re-running the last run.
    if (selection.all || selection.paths.length) this.lastSelection = selection;
    return this.failingFirst(selection);
  }

  /**
   * The step files the selected scenarios bind to, plus every support file that does more than
   * define steps (World, hooks, parameter types, setup): leaving out the other step files saves
   * loading them, leaving out those would change what the scenarios run.
   */
  stepFilesFor(selection: Selection): string[] | undefined {
    if (selection.all || !this.map) return undefined;
    const ids = new Set(selection.paths);
    const entries = this.map.scenarios.filter((s) => ids.has(s.id));
    // A whole spec file was selected (it changed): its steps may bind anywhere.
    if (entries.length < ids.size) return undefined;
    return [...new Set([...entries.flatMap((s) => s.stepFiles), ...this.map.globalSupportFiles, ...sharedSupportFiles(this.root, this.map.supportFiles)])];
  }

  /** What the run taught, in memory: the verdict waits on this alone (`record` writes the disk's part). */
  learn(details: VerifyDetails, selection: Selection): void {
    this.specs.learn(details.specFiles, details.specGlobs, selection.all);
    if (!details.result) return;
    const next = buildScenarioMap(details.result, details.sourceOf, details.supportFiles, details.supportGlobs);
    this.map = selection.all ? next : mergeScenarioMap(this.map, next, details.wholeFiles);
  }

  /** The run's part of the map on disk, merged there with other runs'; this session goes on from that map. */
  async record(details: VerifyDetails, selection: Selection): Promise<void> {
    const map = await recordRunMap(this.root, details, !selection.all, this.map);
    if (!map) return;
    this.map = map;
    if (map.loadActive) warmEditCheck();
    warmSupportKinds(this.root, map.supportFiles);
  }

  /** An edit no scenario reaches: the figures measured without a run, against the run before's. */
  idleDebt(now: DebtSummary, changed: string[]): DebtChange {
    const debt = debtChange(now, this.lastDebt, changed, { partial: true, steps: { undefined: 0, ambiguous: 0, pending: 0 }, ranNone: true });
    this.lastDebt = now;
    return debt;
  }

  /** The verdict with what watch adds: its trigger, what changed status, the whole suite; newly failing first. */
  withWatch(verdict: Verdict, request: Request, selection: Selection): Verdict {
    const deleted = request.changed.filter((f) => !existsSync(path.join(this.root, f)));
    const { newlyFailing, fixed } = this.suite.record(verdict, { all: selection.all, paths: selection.paths, deleted });
    const suite = this.suite.summary(this.map?.scenarios.map((s) => s.id) ?? []);
    const order = (f: Verdict['failures'][number]) => (f.location && newlyFailing.some((id) => id.startsWith(`${f.location!.file}:`)) ? 0 : 1);
    const failures = [...verdict.failures].sort((a, b) => order(a) - order(b));
    const debt = verdict.debt ? debtChange(verdict.debt, this.lastDebt, request.changed, { partial: !selection.all, steps: verdict.counts.steps }) : undefined;
    this.lastDebt = verdict.debt ?? this.lastDebt;
    return { ...verdict, failures, watch: { trigger: request.changed, all: selection.all, selected: selection.reasons, delta: { newlyFailing, fixed }, suite, ...(debt ? { debt } : {}) } };
  }

  scenarioCount(selection: Selection, changed: string[]): Promise<{ scenarios?: number }> {
    return scenarioCount(this.root, this.options, this.map, selection, changed);
  }

  /** Spec files written since join the suite; deleted ones leave it, out of every count. */
  private async followSpecs(changed: string[]): Promise<{ deleted: string[]; reason: string } | undefined> {
    const deleted = await this.specs.follow(changed, this.map);
    if (!deleted.length) return undefined;
    this.suite.forget(deleted);
    this.lastSelection = selectionWithout(this.lastSelection, deleted);
    const map = mapWithout(this.map, deleted);
    if (map !== this.map) await saveScenarioMap(this.root, (this.map = map!)).catch(() => undefined);
    return { deleted, reason: leftTheSuite(deleted, this.suite.summary([]).failing) };
  }

  /** Scenarios failing now run (and report) first: they are what the person is working on. */
  private failingFirst(selection: Selection): Selection {
    const failing = (p: string) => (this.suite.status(p) ?? 'passed') !== 'passed';
    return { ...selection, paths: [...selection.paths.filter(failing), ...selection.paths.filter((p) => !failing(p))] };
  }

  /** What is failing now: failing scenarios, and whole spec files with a problem outside any scenario (all when the run failed to load). */
  private failedSelection(all: Selection): Selection {
    const files = this.suite.problemFiles();
    if (!files) return { ...all, reasons: [{ target: 'every scenario', because: 'the last run failed outside any scenario' }] };
    const failing = this.suite.failing().filter((id) => !files.includes(id.replace(/:\d+$/, '')));
    const reasons = [...files.map((file) => ({ target: file, because: 'failing (outside any scenario)' })), ...failing.map((id) => ({ target: id, because: 'failing' }))];
    return { all: false, paths: reasons.map((r) => r.target), reasons, triggers: [] };
  }
}
