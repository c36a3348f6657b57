import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { ensureDir } from '../core/fs.js';
import path from 'node:path';
import { makeEnvironment, type SpecEnvironment } from '../core/env.js';
import { initTemplates } from '../init/templates.js';

export interface InitReport {
  created: string[];
  /** Files that already existed and were left exactly as they were. */
  kept: string[];
  hints: string[];
}

/** Scaffolds a working example; never overwrites a file that exists. */
export async function init(environment: Partial<SpecEnvironment> = {}): Promise<InitReport> {
  const env = makeEnvironment(environment);
  const templates = initTemplates(path.basename(env.cwd).toLowerCase().replace(/[^a-z0-9-]/g, '-') || 'specs');
  const report: InitReport = { created: [], kept: [], hints: [] };
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
  if (report.kept.includes('.gitignore')) report.hints.push('add .spec/ to your .gitignore: it holds compiled specs and caches');
  return report;
}
