import { Session } from 'node:inspector';
import { fileURLToPath } from 'node:url';
import { anyFunctionRan, coveredFiles, ProjectScripts, type FunctionCoverage, type ScriptCoverage } from './coverage-files.js';
import { linkedPackages } from '../core/linked-packages.js';
import { LineCoverage } from './line-coverage.js';

/**
 * Per-scenario V8 coverage, taken in the runner's own isolate. An in-process inspector session
 * answers synchronously, so a take fits in cucumber's message callback, with no user hook.
 * Function granularity (detailed: false) is what the impact map needs: which files' code ran.
 * With `lines`, V8 also counts blocks (detailed: true) and every take is folded into the run's
 * line coverage; the files per take read function ranges only, so they stay the same.
 */
export class CoverageRecorder {
  private readonly session = new Session();
  private readonly lineCoverage: LineCoverage | undefined;
  private readonly scripts: ProjectScripts;

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
  }

  /** Starts the run's line coverage afresh (a long-lived runner's next load). */
  resetLines(): void {
    this.lineCoverage?.reset();
  }

  /**
   * The run's executed source lines per project file (see LineCoverage.lines). The debugger reads
   * the scripts' text only now, after the last hook: enabled while steps run, a `debugger`
   * statement would stop this very thread.
   */
  executedLines(): Record<string, number[]> | undefined {
    if (!this.lineCoverage) return undefined;
    this.lineCoverage.fold(this.raw());
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
    for (const script of this.raw()) {
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
    return coveredFiles(this.raw().map(withoutModuleBodies), this.root, this.exclude);
  }

  stop(): void {
    try {
      this.post('Profiler.stopPreciseCoverage');
      this.session.disconnect();
    } catch {
      // already disconnected
    }
  }

  private raw(): ScriptCoverage[] {
    const result = (this.post('Profiler.takePreciseCoverage') as { result?: ScriptCoverage[] } | undefined)?.result ?? [];
    this.lineCoverage?.fold(result);
    return result;
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

export function withoutModuleBodies(script: ScriptCoverage): ScriptCoverage {
  const body = moduleBody(script.functions);
  const wrapperAt = tsxWrapperStart(script.url);
  return { ...script, functions: script.functions.filter((fn) => fn !== body && isOwnFunction(fn, wrapperAt)) };
}

/**
 * tsx's CommonJS output is `__filename="<path>";(()=>{ … })()`: the arrow starts right after the
 * prefix and its "(". Recognised by that exact offset only, so an IIFE of the user's own (an ES
 * module has no wrapper) counts as the load-time code it is; should tsx change its output, every
 * such file counts as active at load, which only costs precision.
 */
function tsxWrapperStart(url: string): number {
  let file: string;
  try {
    file = url.startsWith('file:') ? fileURLToPath(url) : url;
  } catch {
    return -1;
  }
  return `__filename=${JSON.stringify(file)};(`.length;
}

/** The module's top level: the function spanning the whole script (a declaration may also start at offset 0). */
function moduleBody(all: readonly FunctionCoverage[]): FunctionCoverage | undefined {
  let body: FunctionCoverage | undefined;
  for (const fn of all) {
    const own = fn.ranges[0];
    if (own?.startOffset === 0 && (!body || own.endOffset > body.ranges[0]!.endOffset)) body = fn;
  }
  return body;
}

/**
 * Not the module's own code: tsx's wrapper around the module body, esbuild's helpers (`__export`,
 * `__toCommonJS`, …), the export getters it writes as `name:()=>name` (reading an export at load
 * time calls nothing of the module), and V8's class initializers (<static_initializer>, …), whose
 * code sits outside function bodies, where an edit is never "body only"; what they call is
 * counted on its own.
 */
function isOwnFunction(fn: FunctionCoverage, wrapperAt: number): boolean {
  const own = fn.ranges[0];
  const name = fn.functionName;
  if (!own || name.startsWith('__') || name.startsWith('<')) return false;
  if (name) return own.endOffset - own.startOffset !== name.length + 4;
  return own.startOffset !== wrapperAt;
}
