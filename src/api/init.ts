import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { ensureDir, readTextIfExists } from '../core/fs.js';
import path from 'node:path';
import { makeEnvironment, type SpecEnvironment } from '../core/env.js';
import { initTemplates } from '../init/templates.js';
import { agentPlan, withSection, type AgentName, type HookPlan, type SectionPlan } from '../init/agent-wiring.js';

export interface InitReport {
  created: string[];
  /** Files that already existed and were left exactly as they were. */
  kept: string[];
  /** Existing files specloop added its section or hooks to (nothing in them was changed). */
  updated: string[];
  hints: string[];
}

export interface InitOptions {
  /** Also wire a coding agent to the oracle: instructions it reads and hooks it runs. */
  agent?: AgentName;
}

/** Scaffolds a working example; never overwrites a file that exists. */
export async function init(environment: Partial<SpecEnvironment> = {}, options: InitOptions = {}): Promise<InitReport> {
  const env = makeEnvironment(environment);
  const templates = initTemplates(path.basename(env.cwd).toLowerCase().replace(/[^a-z0-9-]/g, '-') || 'specs');
  const report: InitReport = { created: [], kept: [], updated: [], hints: [] };
  for (const [file, content] of Object.entries(templates)) {
    const target = path.join(env.cwd, file);
    if (existsSync(target)) {
      report.kept.push(file);
      continue;
    }
    ensureDir(path.dirname(target));
    // 'wx' fails rather than overwrite a file created since the check.
    await writeFile(target, content, { flag: 'wx' }).then(
      () => report.created.push(file),
      () => report.kept.push(file),
    );
  }
  if (report.kept.includes('package.json')) {
    report.hints.push('package.json was kept: make sure it has "@cucumber/cucumber" and "tsx" in devDependencies (npm i -D @cucumber/cucumber tsx)');
  } else {
    report.hints.push('run npm install, then npx spec verify');
  }
  if (report.kept.includes('.gitignore') && !/^\/?\.spec\/?$/m.test(readTextIfExists(path.join(env.cwd, '.gitignore')) ?? '')) {
    report.hints.push('add .spec/ to your .gitignore: it holds compiled specs and caches');
  }
  if (options.agent) await wireAgent(env.cwd, options.agent, report);
  return report;
}

async function wireAgent(root: string, agent: AgentName, report: InitReport): Promise<void> {
  const plan = agentPlan(agent);
  for (const section of plan.sections) await addSection(root, section, report);
  for (const hook of plan.hooks) await addHooks(root, hook, report);
  report.hints.push(...plan.hints);
}

async function addSection(root: string, { file, section }: SectionPlan, report: InitReport): Promise<void> {
  const existing = readTextIfExists(path.join(root, file));
  const next = withSection(existing, section);
  if (next === undefined) return void report.kept.push(file);
  await write(root, file, next);
  (existing === undefined ? report.created : report.updated).push(file);
}

async function addHooks(root: string, { file, merge }: HookPlan, report: InitReport): Promise<void> {
  const existing = readTextIfExists(path.join(root, file));
  let settings: Record<string, unknown> = {};
  if (existing !== undefined) {
    try {
      const parsed: unknown = JSON.parse(existing);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a JSON object');
      settings = parsed as Record<string, unknown>;
    } catch (error) {
      report.kept.push(file);
      report.hints.push(`${file} is not valid JSON (${(error as Error).message}): fix it and run spec init --agent again; nothing was written to it`);
      return;
    }
  }
  let next: Record<string, unknown> | undefined;
  try {
    next = merge(settings);
  } catch (error) {
    report.kept.push(file);
    report.hints.push(`${file}: ${(error as Error).message}, so specloop's hooks were not added; fix it and run spec init --agent again`);
    return;
  }
  if (!next) return void report.kept.push(file);
  await write(root, file, `${JSON.stringify(next, null, 2)}\n`);
  (existing === undefined ? report.created : report.updated).push(file);
}

async function write(root: string, file: string, content: string): Promise<void> {
  const target = path.join(root, file);
  ensureDir(path.dirname(target));
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(target, content);
}
