import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * verify's held runner thread (src/run/prestart.ts), as bin/spec.js starts it: from the build, since
 * the thread runs the bundle's worker.js. Each case is a process of its own, so one that a held
 * thread kept alive shows as a timeout rather than passing.
 */
const REPO = path.resolve(import.meta.dirname, '..');
const PRESTART = pathToFileURL(path.join(REPO, 'dist', 'bundle', 'prestart.js')).href;

function script(body: string): { status: number | null; stdout: string; stderr: string } {
  const source = `import(${JSON.stringify(PRESTART)}).then(async (m) => { ${body} });`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', source], { cwd: REPO, encoding: 'utf8', timeout: 20_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the held runner thread', () => {
  it('ends with a command that never took it', () => {
    const run = script('m.prestartRunner(process.cwd(), process.env); m.discardHeldRunner(); console.log("done");');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('done\n');
  });

  it('lets a command that forgot it end (it holds nothing open)', () => {
    expect(script('m.prestartRunner(process.cwd(), process.env); console.log("done");')).toMatchObject({ status: 0, stdout: 'done\n' });
  });

  it('is not given to a runner for another folder, or with other variables, and is stopped', () => {
    const run = script(`
      m.prestartRunner(process.cwd(), process.env);
      console.log(m.takeHeldRunner(${JSON.stringify(path.join(REPO, 'test'))}, { ...process.env }, []) === undefined);
      m.prestartRunner(process.cwd(), process.env);
      console.log(m.takeHeldRunner(process.cwd(), { ...process.env, EXTRA: '1' }, []) === undefined);
      m.prestartRunner(process.cwd(), process.env);
      console.log(m.takeHeldRunner(process.cwd(), { ...process.env }, ['--inspect']) === undefined);
      console.log(m.takeHeldRunner(process.cwd(), { ...process.env }, []) === undefined);`);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('true\ntrue\ntrue\ntrue\n');
    expect(run.status).toBe(0);
  });

  it('is given to a runner of the folder it started in, loads cucumber only then, and stops when told', () => {
    const run = script(`
      m.prestartRunner(process.cwd(), process.env);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const held = m.takeHeldRunner(process.cwd(), { ...process.env }, []);
      console.log('said before taken', held.early.length);
      const first = await new Promise((resolve) => held.worker.once('message', resolve));
      console.log(first.type, typeof first.cucumberVersion);
      held.worker.postMessage({ type: 'stop' });
      console.log('exit', await new Promise((resolve) => held.worker.once('exit', resolve)));`);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('said before taken 0\nready string\nexit 0\n');
    expect(run.status).toBe(0);
  });
});
