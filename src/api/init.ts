import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { ensureDir, isFolder, readTextIfExists } from '../core/fs.js';
import path from 'node:path';
import { makeEnvironment, type EnvironmentInput } from '../core/env.js';
import { SpecloopError, type ErrorCode } from '../core/errors.js';
import { initTemplates } from '../init/templates.js';
import { findExistingSuite, ownSuiteHint, readPackageJson } from '../init/existing-suite.js';
import { findStepHome } from '../init/step-files.js';
import { hasSpecloop, installHints, specFrom, SPECLOOP_INSTALL, wiredHints, withSpecloop } from '../init/install-hints.js';
import { suitesElsewhere, workspaceSuites } from '../config/workspaces.js';
import { editSettings, parseSettings } from '../init/settings-edit.js';
import { agentPlan, withSection, type AgentName, type HookPlan, type McpPlan, type SectionPlan } from '../init/agent-wiring.js';
import { editTomlMcp, McpConfigError, mergeJsonMcp, rootServerNote } from '../init/mcp-wiring.js';
import { checkCall, InitOptionsSchema } from './options.js';

/** A file init was asked to wire and did not: why, and what the person does about it. */
export interface InitNotDone {
  file: string;
  code: ErrorCode;
  message: string;
  hint: string;
}

export interface InitReport {
  created: string[];
  /** Files that already existed, left exactly as they were. */
  kept: string[];
  /** Existing files specloop added its section, hooks or MCP server to (nothing else in them changed). */
  updated: string[];
  /**
   * What shows the project already has a suite (config, spec or step files). When non-empty no
   * example was written: it would shadow the project's own config and change what it runs.
   */
  existingSuite: string[];
  /** Wiring refused (a settings file specloop could not safely merge into): init failed. */
  notDone: InitNotDone[];
  hints: string[];
}

export interface InitOptions {
  /** The folder to set up (default: the current one); it must exist. Unlike verify, no upward search. */
  cwd?: string;
  /** Also wire a coding agent to the oracle: instructions it reads and hooks it runs. */
  agent?: AgentName;
}

/**
 * Scaffolds a working example in a project with no suite of its own (never overwriting a file
 * that exists), and wires the agent when asked. In a project that has a suite, only the wiring.
 */
export async function init(options: InitOptions = {}, environment: EnvironmentInput = {}): Promise<InitReport> {
  const call = checkCall('init', InitOptionsSchema, options, environment);
  if (!isFolder(call.cwd)) {
    throw new SpecloopError({ code: 'SPEC_PATH_NOT_FOUND', message: `init: folder ${call.cwd} does not exist`, hint: 'create it first, or pass cwd an existing folder' });
  }
  const env = makeEnvironment({ ...call.environment, cwd: call.cwd });
  const { agent } = call.options;
  const report: InitReport = { created: [], kept: [], updated: [], existingSuite: await findExistingSuite(env.cwd), notDone: [], hints: [] };
  const elsewhere = report.existingSuite.length ? [] : await workspaceSuites(env.cwd);
  if (report.existingSuite.length) await adviseExisting(env.cwd, report);
  else if (elsewhere.length) adviseWorkspaceRoot(report, elsewhere);
  else await scaffold(env.cwd, report);
  if (agent) await wireAgent(env.cwd, agent, report, elsewhere);
  return report;
}

async function scaffold(root: string, report: InitReport): Promise<void> {
  const templates = initTemplates(path.basename(root).toLowerCase().replace(/[^a-z0-9-]/g, '-') || 'specs');
  for (const [file, content] of Object.entries(templates)) {
    const target = path.join(root, file);
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
  report.hints.push(...(report.kept.includes('package.json') ? installHints(withSpecloop(root)) : ['run npm install, then npx spec verify']));
  if (report.kept.includes('.gitignore')) adviseGitignore(root, report);
}

async function adviseExisting(root: string, report: InitReport): Promise<void> {
  if (readPackageJson(root) && !hasSpecloop(root)) report.hints.push(`${SPECLOOP_INSTALL}, so npx finds spec in this project`);
  report.hints.push(await ownSuiteHint(root));
  adviseGitignore(root, report);
}

/** A monorepo's root: its packages hold the suites; an example here would run instead of theirs. */
function adviseWorkspaceRoot(report: InitReport, packages: string[]): void {
  const { said, run } = suitesElsewhere(packages);
  report.hints.push(`${said} a suite of its own, which spec at this workspace root does not run: ${run}; wrote no example here`);
}

/** `.spec`, `.spec/`, `.spec/*` or `.spec/**`, anchored or not: each keeps the caches out of git. */
const IGNORES_SPEC = /^\/?\.spec(?:\/(?:\*\*?)?)?\s*$/m;

function adviseGitignore(root: string, report: InitReport): void {
  if (!IGNORES_SPEC.test(readTextIfExists(path.join(root, '.gitignore')) ?? '')) {
    report.hints.push('add .spec/* to your .gitignore (it holds compiled specs and caches), with !.spec/ack.json and !.spec/ack/ after it: the reviewed baseline (spec ack) is shared');
  }
}

async function wireAgent(root: string, agent: AgentName, report: InitReport, suites: string[]): Promise<void> {
  // After the scaffold, so a new project's instructions name the example's steps.
  const plan = agentPlan(agent, await findStepHome(root), suites, specFrom(root, suites));
  for (const section of plan.sections) await addSection(root, section, report);
  for (const hook of plan.hooks) await addHooks(root, hook, agent, report);
  await addMcpServer(root, plan.mcp, agent, report);
  // Saying the hooks now run would be a false green when they were refused or find no spec.
  report.hints.push(...wiredHints(root, suites, plan.hints, report.notDone.length > 0));
}

async function addSection(root: string, { file, section }: SectionPlan, report: InitReport): Promise<void> {
  const existing = readTextIfExists(path.join(root, file));
  const next = withSection(existing, section);
  if (next === undefined) return void report.kept.push(file);
  await write(root, file, next);
  (existing === undefined ? report.created : report.updated).push(file);
}

async function addHooks(root: string, { file, merge }: HookPlan, agent: AgentName, report: InitReport): Promise<void> {
  const refuse = refuser(file, agent, 'the hooks are not wired', report);
  const existing = readTextIfExists(path.join(root, file));
  const settings = jsonSettings(existing, refuse);
  if (!settings) return;
  let next: Record<string, unknown> | undefined;
  try {
    next = merge(settings);
  } catch (error) {
    return void refuse((error as Error).message);
  }
  if (!next) return void report.kept.push(file);
  await writeJson(root, file, existing, settings, next, report);
}

async function addMcpServer(root: string, { file, format, servers }: McpPlan, agent: AgentName, report: InitReport): Promise<void> {
  const refuse = refuser(file, agent, 'the MCP server is not registered', report);
  const existing = readTextIfExists(path.join(root, file));
  const before = format === 'json' ? jsonSettings(existing, refuse) : {};
  if (!before) return;
  let settings = before;
  let text = existing;
  const own: string[] = [];
  try {
    // Each server is added to what the ones before it made; the file is written once.
    for (const server of servers) {
      const edit = format === 'json' ? mergeJsonMcp(settings, server) : editTomlMcp(text, server);
      if ('settings' in edit) settings = edit.settings;
      else if (edit.kind === 'add') text = edit.text;
      else if (edit.kind === 'own') own.push(`${file} already has a ${server.name} server of its own; left as it is (specloop's is npx ${server.args.join(' ')})`);
    }
  } catch (error) {
    if (error instanceof McpConfigError) return void refuse(error.message);
    throw error;
  }
  // The person's own entry (another runner, extra arguments) wins; init says what it found.
  report.hints.push(...own, ...[rootServerNote(file, servers, format === 'json' ? before : text)].filter((note) => note !== undefined));
  if (settings !== before) return writeJson(root, file, existing, before, settings, report);
  if (text !== existing) {
    await write(root, file, text!);
    return void (existing === undefined ? report.created : report.updated).push(file);
  }
  report.kept.push(file);
}

/** The parsed JSON settings ({} for a new file); undefined, after refusing, when not a JSON object. */
function jsonSettings(existing: string | undefined, refuse: (message: string) => void): Record<string, unknown> | undefined {
  if (existing === undefined) return {};
  const parsed = parseSettings(existing);
  if (!parsed.ok) return void refuse(`not valid JSON (${parsed.message})`);
  if (!parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) return void refuse('not a JSON object');
  return parsed.value as Record<string, unknown>;
}

function refuser(file: string, agent: AgentName, consequence: string, report: InitReport): (message: string) => void {
  return (message) =>
    report.notDone.push({ file, code: 'SPEC_INIT_SETTINGS', message: `${message}; nothing was written to it, so ${consequence}`, hint: `fix it, then run spec init --agent ${agent} again` });
}

async function writeJson(root: string, file: string, existing: string | undefined, before: Record<string, unknown>, after: Record<string, unknown>, report: InitReport): Promise<void> {
  await write(root, file, existing === undefined ? `${JSON.stringify(after, null, 2)}\n` : editSettings(existing, before, after));
  (existing === undefined ? report.created : report.updated).push(file);
}

async function write(root: string, file: string, content: string): Promise<void> {
  const target = path.join(root, file);
  ensureDir(path.dirname(target));
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(target, content);
}
