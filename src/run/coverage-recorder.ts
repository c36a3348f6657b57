import { Session } from 'node:inspector';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { anyFunctionRan, coveredFiles, ProjectScripts, type ScriptCoverage } from './coverage-files.js';
import { linkedPackages } from '../core/linked-packages.js';
import { LineCoverage } from './line-coverage.js';
import { moduleBody, withoutModuleBodies } from './module-bodies.js';
import { blockCountsOnly, notePicture, withPicture, type Picture } from './line-picture.js';

type CompileHost = { prototype: { _compile: (this: unknown, content: string, filename: string) => unknown } };
const Module = createRequire(import.meta.url)('node:module') as CompileHost;

/**
 * Per-scenario V8 coverage, taken in the runner's own isolate. An in-process inspector session
 * answers synchronously, so a take fits in cucumber's message callback, with no user hook.
 * Function granularity (detailed: false) is what the impact map needs: which files' code ran.
 * With `lines`, V8 also counts blocks, read once at the end (line-picture.ts, README "Recording").
 */
export class CoverageRecorder {
  private readonly session = new Session();
  private readonly lineCoverage: LineCoverage | undefined;
  private readonly scripts: ProjectScripts;
  /** 'functions' from beginScenarios to the end: takes count functions only. */
  private mode: 'blocks' | 'functions' = 'blocks';
  private eager = false;
  private picture: Picture = new Map();
  /** Project scripts compiled whole before the scenarios. */
  private exact = new Set<string>();
  /** Project scripts compiled without counters in part (loaded later). */
  private readonly inexact = new Set<string>();
  /** Takes made mid-scenario (a switch to block takes), owed to the next take. */
  private carried: ScriptCoverage[] = [];
  /** Project files (absolute) compiled whole; whether scenarios began. */
  private readonly eagerFiles = new Set<string>();
  private began = false;
  private readonly compile = Module.prototype._compile;
  private readonly wrapper = this.wrapCompile();

  constructor(
    private readonly root: string,
    private readonly exclude: (absPath: string) => boolean,
    readonly lines = false,
  ) {
    this.session.connect();
    this.post('Profiler.enable');
    this.post('Profiler.startPreciseCoverage', { callCount: true, detailed: lines });
    const linked = linkedPackages(root).map((p) => p.dir);
    this.lineCoverage = lines ? new LineCoverage(root, exclude, linked) : undefined;
    this.scripts = new ProjectScripts(root, exclude, linked);
    if (lines) Module.prototype._compile = this.wrapper;
  }

  /**
   * Starts the run's line coverage afresh (a long-lived runner's next load). A project file loaded
   * before the scenarios is compiled whole, so each function has block counters: a CommonJS one as
   * it compiles (wrapCompile); with `esm` (no such hook) everything, until the support code loaded.
   */
  resetLines(esm: boolean): void {
    if (!this.lineCoverage) return;
    if (this.mode === 'functions') this.blocks();
    this.lineCoverage.reset();
    this.picture = new Map();
    this.exact = new Set();
    this.inexact.clear();
    this.eagerFiles.clear();
    this.carried = [];
    this.began = false;
    this.lazy(!esm);
  }

  /** The support code has loaded: what loaded so far was compiled whole. */
  supportLoaded(): void {
    if (!this.lineCoverage) return;
    this.exact = new Set(this.lineCoverage.scriptFiles().map(([id]) => id));
    this.lazy(true);
  }

  /** After the BeforeAll hooks: the scenarios' takes count functions only. */
  beginScenarios(): void {
    if (!this.lineCoverage || this.mode === 'functions') return;
    // Loaded by a BeforeAll hook: whole if compiled as CommonJS, else in part without counters.
    for (const [id, file] of this.lineCoverage.scriptFiles()) if (!this.exact.has(id)) (this.eagerFiles.has(file) ? this.exact : this.inexact).add(id);
    this.began = true;
    this.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
    this.mode = 'functions';
  }

  /**
   * The run's executed source lines per project file (see LineCoverage.lines). The debugger reads
   * the scripts' text only now, after the last hook: enabled while steps run, a `debugger`
   * statement would stop this very thread.
   */
  executedLines(): Record<string, number[]> | undefined {
    if (!this.lineCoverage) return undefined;
    this.raw();
    if (this.mode === 'functions') this.blocks();
    this.lazy(true);
    this.post('Debugger.enable');
    try {
      return this.lineCoverage.lines((scriptId) => {
        try {
          return (this.post('Debugger.getScriptSource', { scriptId }) as { scriptSource: string }).scriptSource;
        } catch {
          return undefined;
        }
      });
    } finally {
      this.post('Debugger.disable');
    }
  }

  /**
   * Files whose code ran since the last take (each take resets V8's counters), and those among them
   * loaded meanwhile (their module body ran): a module first loaded inside a scenario keeps its
   * load-time state for the scenarios after it, so it counts as active at load.
   */
  take(): { covered: string[]; loaded: string[] } {
    const covered = new Set<string>();
    const loaded = new Set<string>();
    for (const script of this.owed()) {
      const file = this.scripts.fileOf(script);
      if (file === undefined) continue;
      if (anyFunctionRan(script)) covered.add(file);
      if ((moduleBody(script.functions)?.ranges[0]?.count ?? 0) > 0) loaded.add(file);
    }
    return { covered: [...covered].sort(), loaded: [...loaded].sort() };
  }

  /**
   * Files whose own functions ran at load time (or in BeforeAll hooks): not the module body itself,
   * and not the helpers a TypeScript transform adds (`__export`, `__toESM`, …). Edits to such files
   * can change state every scenario reads, so coverage alone must not narrow them.
   */
  takeLoadPhase(): string[] {
    return coveredFiles((this.loading() ?? this.owed()).map(withoutModuleBodies), this.root, this.exclude);
  }

  stop(): void {
    this.lazy(true);
    // Only if on top: code loaded since may have wrapped it in turn.
    if (Module.prototype._compile === this.wrapper) Module.prototype._compile = this.compile;
    try {
      this.post('Profiler.stopPreciseCoverage');
      this.session.disconnect();
    } catch {
      // already disconnected
    }
  }

  /**
   * Before a line-coverage run's scenarios: what ran since the start, resetting nothing (the final
   * block take counts the load too); the switch to function counts then clears invocation counts.
   */
  private loading(): ScriptCoverage[] | undefined {
    if (!this.lineCoverage || this.began || this.mode !== 'blocks') return undefined;
    const result = this.coverage('Profiler.getBestEffortCoverage');
    this.lineCoverage.know(result);
    notePicture(this.picture, this.own(result));
    return result;
  }

  /** This take, after any made mid-scenario. */
  private owed(): ScriptCoverage[] {
    return this.carried.length ? [...this.carried.splice(0), ...this.raw()] : this.raw();
  }

  private raw(): ScriptCoverage[] {
    const result = this.coverage('Profiler.takePreciseCoverage');
    if (!this.lineCoverage) return result;
    if (this.mode === 'blocks') {
      this.lineCoverage.fold(this.inexact.size ? result.map((s) => (this.inexact.has(s.scriptId) ? blockCountsOnly(s) : s)) : result);
      return result;
    }
    const own = this.own(result);
    const late = own.filter((script) => !this.exact.has(script.scriptId));
    for (const script of late) this.inexact.add(script.scriptId);
    notePicture(this.picture, own);
    if (late.length) this.resumeBlocks(result);
    return result;
  }

  /** Block takes for the rest of the run: a project file compiles, or one has without counters. */
  private resumeBlocks(taken?: ScriptCoverage[]): void {
    if (!taken) this.carried.push(...this.raw());
    if (this.mode === 'functions') this.blocks();
  }

  /**
   * CommonJS compiles go through Module#_compile (tsx's too). Before the scenarios a project file
   * compiles whole (dependencies lazily); during them, block takes resume first.
   */
  private wrapCompile(): CompileHost['prototype']['_compile'] {
    const recorder = this;
    const compile = this.compile;
    const wrapper: CompileHost['prototype']['_compile'] = function (content, filename) {
      const own = recorder.scripts.isProjectPath(filename);
      if (own && recorder.mode === 'functions') recorder.resumeBlocks();
      if (recorder.began) return compile.call(this, content, filename);
      const was = recorder.eager;
      if (own) recorder.eagerFiles.add(filename);
      recorder.lazy(!own);
      try {
        return compile.call(this, content, filename);
      } finally {
        recorder.lazy(!was);
      }
    };
    return wrapper;
  }

  /** Back to block takes: the counters so far, with what function takes saw put back. */
  private blocks(): void {
    this.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
    this.mode = 'blocks';
    const final = this.coverage('Profiler.takePreciseCoverage');
    this.lineCoverage?.fold(withPicture(final, this.picture, this.exact));
    this.picture = new Map();
  }

  /** V8's lazy compilation, off while project code compiles whole. */
  private lazy(on: boolean): void {
    if (on === !this.eager) return;
    setFlagsFromString(on ? '--lazy' : '--no-lazy');
    this.eager = !on;
  }

  private coverage(method: 'Profiler.takePreciseCoverage' | 'Profiler.getBestEffortCoverage'): ScriptCoverage[] {
    return (this.post(method) as { result?: ScriptCoverage[] } | undefined)?.result ?? [];
  }

  private own(result: readonly ScriptCoverage[]): ScriptCoverage[] {
    return result.filter((script) => this.scripts.fileOf(script) !== undefined);
  }

  private post(method: string, params?: object): unknown {
    let answer: unknown;
    let failure: Error | null = null;
    this.session.post(method, params, (error, result) => {
      failure = error;
      answer = result;
    });
    if (failure) throw failure;
    return answer;
  }
}
