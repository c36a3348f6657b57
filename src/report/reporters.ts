/**
 * The reporter registry: each name of core/reporters.ts mapped to its renderer over the read-only
 * verdict. A renderer returns text and never prints; the CLI decides where the text goes (stdout
 * or a file). New reporters (JUnit, HTML, annotations) plug in here and in core/reporters.ts.
 */
import type { ReporterName } from '../core/reporters.js';
import type { Verdict } from './verdict.js';

export type Render = (verdict: Verdict) => string;

/** Where a report goes: files get no colour (tools and CI viewers read them), stdout its stream's. */
export interface RenderTarget {
  readonly to: 'stdout' | 'file';
  /** Colour level for stdout (0 none … 3 truecolor), as NO_COLOR/FORCE_COLOR/TTY decide. */
  readonly colorLevel: 0 | 1 | 2 | 3;
}

// Loaded on demand: each renderer's modules load while the run goes on, not on the path to starting it.
const RENDERERS: Record<ReporterName, (target: RenderTarget) => Promise<Render>> = {
  human: async (target) => {
    const [{ renderTerminal }, { Chalk }] = await Promise.all([import('./terminal.js'), import('chalk')]);
    const color = new Chalk({ level: target.to === 'file' ? 0 : target.colorLevel });
    return (verdict) => renderTerminal(verdict, color);
  },
  agent: async () => (await import('./agent.js')).renderAgent,
  json: async (target) => {
    const { VerdictSchema } = await import('./verdict.js');
    // What a tool reads as JSON is checked against the published schema first.
    return (verdict) => {
      VerdictSchema.parse(verdict);
      return `${target.to === 'file' ? JSON.stringify(verdict, null, 2) : JSON.stringify(verdict)}\n`;
    };
  },
};

export function loadRenderer(name: ReporterName, target: RenderTarget): Promise<Render> {
  return RENDERERS[name](target);
}
