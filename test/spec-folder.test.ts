import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { specFolderProblem } from '../src/core/spec-folder.js';

const made: string[] = [];
function project(files: Record<string, string | null>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'spec-folder-'));
  made.push(root);
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(root, file);
    if (text === null) mkdirSync(full, { recursive: true });
    else {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  }
  return root;
}
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('specFolderProblem: can specloop keep its records in .spec/', () => {
  it('no .spec yet, or one with its usual records: nothing to say', () => {
    expect(specFolderProblem(project({}))).toBeUndefined();
    expect(specFolderProblem(project({ '.spec/history.jsonl': '', '.spec/compiled': null, '.spec/ack/blobs': null, '.spec/notes.txt': null }))).toBeUndefined();
  });

  it('.spec as a file names it and how to move it away', () => {
    const problem = specFolderProblem(project({ '.spec': 'x' }));
    expect(problem).toMatchObject({ code: 'SPEC_DIR_UNUSABLE', message: expect.stringContaining('.spec is a file, not a folder'), hint: expect.stringContaining('mv .spec .spec.bak') });
  });

  it('a folder where a record file goes, and a file where a folder goes, are named', () => {
    expect(specFolderProblem(project({ '.spec/scenario-map.json': null }))?.message).toContain('.spec/scenario-map.json is a folder');
    expect(specFolderProblem(project({ '.spec/compiled': 'x' }))?.message).toContain('.spec/compiled is a file');
  });
});
