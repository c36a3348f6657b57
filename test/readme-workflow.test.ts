/**
 * The README's GitHub Actions workflow, run here as GitHub would run it: each matrix job's
 * commands as its own process in its own copy of a fixture (a machine of its own), its reports
 * carried to the merge job's copy as the upload and download steps carry them, then the merge
 * job's command. If the README's commands stop working, this fails.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { VerdictSchema, type Verdict } from '../src/report/verdict.js';

const REPO = path.resolve(import.meta.dirname, '..');
const BIN = path.join(REPO, 'bin', 'spec.js');
// Inside the repo, so the copies resolve the repo's @cucumber/cucumber as a real project would its own.
const WORK = path.join(REPO, '.tmp', 'readme-workflow');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}
interface Job {
  needs?: string | string[];
  strategy?: { matrix?: Record<string, unknown[]> };
  steps: Step[];
}

function readmeWorkflow(): { on: unknown; jobs: Record<string, Job> } {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('#### Shards across machines'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('the README has no ```yaml workflow under "Shards across machines"');
  return parse(block[1]!);
}

/** A `run:` with GitHub's expressions filled in, `npx spec` as this checkout's built CLI. */
function command(step: Step, context: Record<string, string>): string {
  const filled = step.run!.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name: string) => {
    if (!(name in context)) throw new Error(`the workflow uses \${{ ${name} }}, which this test does not know: ${whole}`);
    return context[name]!;
  });
  return filled.replace(/^npx spec /, `node ${JSON.stringify(BIN)} `);
}

/** Runs one job's steps in `dir`: `npm ci` is the fixture's install (done: it resolves the repo's packages); any other run step must be spec's. */
function runJob(job: Job, dir: string, context: Record<string, string>, env: NodeJS.ProcessEnv): number[] {
  const codes: number[] = [];
  for (const step of job.steps.filter((s) => s.run !== undefined)) {
    if (step.run === 'npm ci') continue;
    expect(step.run, 'every run step but npm ci is a spec command').toMatch(/^npx spec /);
    const result = spawnSync('sh', ['-c', command(step, context)], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env, NO_COLOR: '1' } });
    codes.push(result.status ?? -1);
  }
  return codes;
}

function fixtureCopy(name: string): string {
  const dir = path.join(WORK, name);
  cpSync(path.join(REPO, 'fixtures', 'parcel-shards'), dir, { recursive: true });
  return dir;
}

/** Each <testcase> of a JUnit file as an XML parser reads it: name, class, and the failure's message, sorted by name. */
function junitCases(file: string): { name: string; classname: string; failure?: string }[] {
  const xml = readFileSync(file, 'utf8');
  expect(XMLValidator.validate(xml), `${file} is well-formed XML`).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' }).parse(xml) as { testsuite: { testcase: Record<string, unknown>[] } };
  const cases = doc.testsuite.testcase.map((c) => ({ name: String(c.name), classname: String(c.classname), ...(c.failure ? { failure: String((c.failure as Record<string, unknown>).message) } : {}) }));
  expect(cases.length, `${file} has test cases`).toBeGreaterThan(0);
  return cases.sort((a, b) => a.name.localeCompare(b.name));
}

const verdictAt = (file: string): Verdict => VerdictSchema.parse(JSON.parse(readFileSync(file, 'utf8')));

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

describe("the README's GitHub Actions workflow", () => {
  it('has the shape of a workflow: a matrix of shards, uploads, and a merge job after them that downloads them', () => {
    const workflow = readmeWorkflow();
    expect(workflow.on).toBeDefined();
    const { shard, merge } = workflow.jobs;
    expect(shard?.strategy?.matrix?.shard?.length).toBeGreaterThan(1);
    expect([merge?.needs].flat()).toContain('shard');
    for (const job of [shard!, merge!]) for (const step of job.steps) expect(Boolean(step.uses) !== Boolean(step.run), JSON.stringify(step)).toBe(true);
    const upload = shard!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    const download = merge!.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'));
    expect(upload?.if).toContain('!cancelled()');
    expect(upload?.with?.name).toMatch(/^spec-shard-/);
    expect(download?.with?.pattern).toBe('spec-shard-*');
    expect(download?.with?.['merge-multiple']).toBe(true);
  });

  it('caches what the next run needs: the durations (restored by every shard, saved by the merge), each shard its own scenario map, the merge its debt analysis', () => {
    const { shard, merge } = readmeWorkflow().jobs;
    const cached = (job: Job, action: 'restore' | 'save') => job.steps.filter((s) => s.uses?.startsWith(`actions/cache/${action}@`)).map((s) => [s.with?.path, s.with?.key]);
    const shardFiles = '.spec/scenario-map.json\n.spec/scenario-list.json\n';
    expect(cached(shard!, 'restore').map(([p]) => p)).toEqual(['.spec/durations.json', shardFiles]);
    expect(cached(merge!, 'save').map(([p]) => p)).toEqual(['.spec/debt-shapes.json', '.spec/durations.json']);
    // The merge measures the whole run's debt from the shards' lines: its file shapes, kept by content hash, are cached like the durations.
    expect(cached(merge!, 'restore')).toEqual([['.spec/debt-shapes.json', cached(merge!, 'save')[0]![1]]]);
    // The shard saves its map and list under the key it restores them by: its own number and the total.
    const [mapPath, mapKey] = cached(shard!, 'save')[0] ?? [];
    expect(mapPath).toBe(shardFiles);
    expect(mapKey).toMatch(/matrix\.shard.*strategy\.job-total/);
    expect(cached(shard!, 'restore')[1]![1]).toBe(mapKey);
  });

  it('run locally as one process per shard, then the merge, gives the unsharded verdict', { timeout: 240_000 }, () => {
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });
    const { shard, merge } = readmeWorkflow().jobs;
    const shards = shard!.strategy!.matrix!.shard!.map(String);
    const upload = shard!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!.with!.path as string;
    const download = merge!.steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!.with!.path as string;

    const machines = new Map<string, string>();
    // The whole suite on one machine, for comparison (its durations are not carried: the CI machines start without them).
    const whole = fixtureCopy('whole');
    const single = spawnSync(process.execPath, [BIN, 'verify', '--format', 'json:whole.json', '--format', 'junit:whole.xml'], { cwd: whole, env: { ...process.env, NO_COLOR: '1' } });
    expect(single.status).toBe(1);

    const mergeDir = fixtureCopy('merge');
    const shardCodes = shards.map((index) => {
      const machine = fixtureCopy(`shard-${index}`);
      machines.set(index, machine);
      const codes = runJob(shard!, machine, { 'matrix.shard': index, 'strategy.job-total': String(shards.length) }, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: path.join(machine, 'summary.md') });
      // upload-artifact's path, then download-artifact's with merge-multiple: every shard's files in one folder.
      const uploaded = path.join(machine, upload);
      expect(existsSync(uploaded), `shard ${index} wrote ${upload}`).toBe(true);
      cpSync(uploaded, path.join(mergeDir, download), { recursive: true });
      return Math.max(...codes);
    });
    expect(Math.max(...shardCodes), 'the shard holding the failing scenario fails its job').toBe(1);
    const reports = readdirSync(path.join(mergeDir, download));
    expect(reports.filter((f) => f.endsWith('.ndjson')), 'each shard uploaded its message stream').toHaveLength(shards.length);

    const summary = path.join(mergeDir, 'summary.md');
    const [mergeCode] = runJob(merge!, mergeDir, {}, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(mergeCode, 'the merge job fails as the one machine did').toBe(1);
    const merged = verdictAt(path.join(mergeDir, download, 'verdict.json'));
    const one = verdictAt(path.join(whole, 'whole.json'));
    const statuses = (v: Verdict) => Object.fromEntries(v.scenarios.map((sc) => [sc.id, sc.status]));
    expect(merged.counts).toEqual(one.counts);
    expect(statuses(merged)).toEqual(statuses(one));
    expect(merged.failures.map((f) => [f.code, f.scenarioId, f.location])).toEqual(one.failures.map((f) => [f.code, f.scenarioId, f.location]));
    expect(merged.summary).toBe(one.summary);
    expect(readFileSync(summary, 'utf8')).toContain(one.summary.replace(/^spec: /, ''));
    // One JUnit file for the whole run, drawn from the shards' joined streams: the one machine's test cases, statuses and failures.
    expect(junitCases(path.join(mergeDir, download, 'junit.xml'))).toEqual(junitCases(path.join(whole, 'whole.xml')));
    expect(readFileSync(path.join(mergeDir, download, 'report.html'), 'utf8')).toContain('</html>');
    // The merge job recorded the whole run's durations, which its cache step saves for the next run.
    expect(Object.keys(JSON.parse(readFileSync(path.join(mergeDir, '.spec', 'durations.json'), 'utf8')).scenarios).sort()).toEqual(Object.keys(statuses(one)).sort());

    // The next run: fresh machines, each shard given the caches back (its own map, the merge's durations).
    const againDir = fixtureCopy('merge-again');
    for (const index of shards) {
      const machine = fixtureCopy(`shard-${index}-again`);
      mkdirSync(path.join(machine, '.spec'), { recursive: true });
      for (const kept of ['scenario-map.json', 'scenario-list.json']) {
        const file = path.join(machines.get(index)!, '.spec', kept);
        expect(existsSync(file), `shard ${index} left .spec/${kept} for its cache step to save`).toBe(true);
        cpSync(file, path.join(machine, '.spec', kept));
      }
      cpSync(path.join(mergeDir, '.spec', 'durations.json'), path.join(machine, '.spec', 'durations.json'));
      runJob(shard!, machine, { 'matrix.shard': index, 'strategy.job-total': String(shards.length) }, {});
      cpSync(path.join(machine, upload), path.join(againDir, download), { recursive: true });
    }
    const [againCode] = runJob(merge!, againDir, {}, {});
    expect(againCode, 'the next run, sliced by the recorded durations and loading by the cached maps, fails as the one machine did').toBe(1);
    const again = verdictAt(path.join(againDir, download, 'verdict.json'));
    expect(statuses(again)).toEqual(statuses(one));
    expect(again.failures.map((f) => [f.code, f.scenarioId, f.location])).toEqual(one.failures.map((f) => [f.code, f.scenarioId, f.location]));
  });
});
