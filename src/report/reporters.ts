/**
 * The reporter registry: each name of core/reporters.ts mapped to its renderer over the read-only
 * verdict. A renderer returns text and never prints; the CLI decides where the text goes (stdout
 * or a file). The reporters core/reporters.ts marks `messages` are drawn from cucumber's message
 * stream of the run, which the target carries.
 */
import type { ReporterName } from '../core/reporters.js';
import type { Verdict } from './verdict.js';

export type Render = (verdict: Verdict) => string;

/** Where a report goes: files get no colour (tools and CI viewers read them), stdout its stream's. */
export interface RenderTarget {
  readonly to: 'stdout' | 'file';
  /** Colour level for stdout (0 none … 3 truecolor), as NO_COLOR/FORCE_COLOR/TTY decide. */
  readonly colorLevel: 0 | 1 | 2 | 3;
  /** cucumber's message stream of the run (NDJSON), for the reporters drawn from it. */
  readonly messages?: string;
}

function streamOf(target: RenderTarget): string {
  if (target.messages === undefined) throw new Error('this report is drawn from the run\'s message stream, and none was given');
  return target.messages;
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
  junit: async (target) => {
    const xml = await (await import('./cucumber-reports.js')).junitXml(streamOf(target));
    return () => xml;
  },
  html: async (target) => {
    const page = await (await import('./cucumber-reports.js')).htmlReport(streamOf(target));
    return () => page;
  },
  messages: async (target) => {
    const stream = streamOf(target);
    return () => stream;
  },
  github: async () => (await import('./github.js')).renderGithub,
};

export function loadRenderer(name: ReporterName, target: RenderTarget): Promise<Render> {
  return RENDERERS[name](target);
}
