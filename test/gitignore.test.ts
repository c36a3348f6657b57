import { describe, expect, it } from 'vitest';
import { loadGitignore } from '../src/watch/gitignore.js';
import { tempProject } from './helpers.js';

const project = (files: Record<string, string>): string => tempProject('specloop-gitignore-', files);

describe('loadGitignore', () => {
  it('ignores nothing without a .gitignore', async () => {
    const ignored = await loadGitignore(project({ 'src/a.ts': '' }));
    expect(ignored('src/a.ts')).toBe(false);
  });

  it('reads the root file: folders, globs and negations', async () => {
    const ignored = await loadGitignore(project({ '.gitignore': 'logs/\n*.local.json\nreports/*\n!reports/keep.md\n' }));
    expect(ignored('logs/run.log')).toBe(true);
    expect(ignored('config/settings.local.json')).toBe(true);
    expect(ignored('reports/junit.xml')).toBe(true);
    expect(ignored('reports/keep.md')).toBe(false);
    expect(ignored('src/logs.ts')).toBe(false);
  });

  it('applies a nested file below its own folder only, after the outer ones', async () => {
    const ignored = await loadGitignore(project({ '.gitignore': '*.html\n', 'web/.gitignore': 'out/\n!index.html\n' }));
    expect(ignored('web/out/app.js')).toBe(true);
    expect(ignored('out/app.js')).toBe(false);
    expect(ignored('web/index.html')).toBe(false);
    expect(ignored('report.html')).toBe(true);
  });

  it('reads .git/info/exclude', async () => {
    const ignored = await loadGitignore(project({ '.git/info/exclude': 'scratch/\n' }));
    expect(ignored('scratch/notes.md')).toBe(true);
  });
});
