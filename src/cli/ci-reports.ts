/**
 * The CLI's side of the reports CI tools read: where the runner records cucumber's message stream
 * (under the project's .spec/, removed once read), and GitHub Actions' defaults (annotations and
 * the job summary when GITHUB_ACTIONS=true).
 */
import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { reporterInfo } from '../core/reporters.js';
import type { Verdict } from '../report/verdict.js';
import type { Output } from './outputs.js';

export const fromMessages = (output: Output) => reporterInfo(output.name).messages === true;

/** The stream a run records when a report drawn from it was asked for: one file a process, so concurrent runs never share one. */
export function messagesFileFor(outputs: Output[], root: string): string | undefined {
  return outputs.some(fromMessages) ? path.join(root, '.spec', 'reports', `messages-${process.pid}.ndjson`) : undefined;
}

/**
 * The recorded stream, removed from .spec/. Undefined when no run finished (a config error, a run
 * cut short or interrupted): a report drawn from half a run would leave scenarios out unsaid.
 */
export function takeMessages(file: string | undefined): string | undefined {
  if (!file || !existsSync(file)) return undefined;
  const stream = readFileSync(file, 'utf8');
  rmSync(file, { force: true });
  const last = stream.trimEnd().split('\n').at(-1) ?? '';
  return last.startsWith('{"testRunFinished"') ? stream : undefined;
}

/** Why a report drawn from the message stream was not written, and the stale file of an earlier run removed so no one reads it as this run's. */
export function unwritten(output: Output, verdict: Verdict): string {
  if (output.file) rmSync(output.file, { force: true });
  return `spec: ${output.flag} was not written: no scenario run finished (${verdict.summary.replace(/^spec: /, '')}); the verdict says why\n`;
}

export interface GithubPlan {
  /** Annotations go out besides the chosen report (GITHUB_ACTIONS=true and no github report asked for on stdout). */
  annotate: boolean;
  /** The job summary file, resolved where spec was started (GitHub gives an absolute path). */
  summary: string | undefined;
}

export function planGithub(outputs: Output[], env: NodeJS.ProcessEnv): GithubPlan {
  const onActions = env.GITHUB_ACTIONS === 'true';
  const asked = outputs.some((o) => o.name === 'github');
  const summary = (onActions || asked) && env.GITHUB_STEP_SUMMARY ? path.resolve(env.GITHUB_STEP_SUMMARY) : undefined;
  return { annotate: onActions && !outputs.some((o) => o.name === 'github' && o.file === undefined), summary };
}

/** Appends the job summary; a summary that cannot be written is said on stderr and never changes the verdict. */
export async function writeGithubSummary(file: string, verdict: Verdict): Promise<string> {
  const { renderGithubSummary } = await import('../report/github.js');
  try {
    appendFileSync(file, renderGithubSummary(verdict));
    return '';
  } catch (error) {
    return `spec: the GitHub job summary was not written to ${file}: ${(error as Error).message}\n`;
  }
}
