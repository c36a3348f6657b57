import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureDir, readTextIfExists } from '../core/fs.js';
import { shortHash } from '../core/hash.js';
import { ownPackage } from '../core/own-package.js';
import { discoverSpecs, type SpecSelection } from './discover.js';
import { specKind, type SpecFile } from './model.js';

/** What a shard needs of a scenario to select and slice it: cucumber's filters read these. */
export interface ListedScenario {
  line: number;
  scenarioLine: number;
  name: string;
  tags: string[];
}

export interface ListedSpec {
  file: SpecFile;
  scenarios: ListedScenario[];
}

/**
 * Every shard lists the whole suite to find its slice, though it runs a quarter of it: on the
 * 2,000-scenario bench suite parsing 200 files and compiling their pickles cost ≈ 0.3 s of a 2 s
 * shard. The list of a file depends only on its text (and the parser), so it is kept here by a hash
 * of the text; a file whose text is unchanged is not parsed again, and a shard whose files all hit
 * never loads the Gherkin parser (cucumber parses its slice's files anyway).
 */
export const LIST_FILE = '.spec/scenario-list.json';

interface ListFile {
  version: 1;
  /** The parser and specloop that listed: another version may list differently. */
  parser: string;
  files: Record<string, { hash: string; scenarios: ListedScenario[] }>;
}

/**
 * The suite's plain Gherkin files and their scenarios, from the list kept by text hash, parsing
 * only files it does not know. Undefined — compile the specs as usual — when a file is not plain
 * `.feature` (Markdown specs compile here), the user named lines (checked against the parse), or
 * a file does not parse cleanly (the usual path reports every problem).
 */
export async function listPlainSpecs(root: string, globs: string[], paths: string[], language = 'en'): Promise<{ selection: SpecSelection; listed: ListedSpec[] } | undefined> {
  const selection = await discoverSpecs(root, globs, paths);
  if (selection.lines.size > 0 || selection.files.length === 0 || !selection.files.every((f) => specKind(f) === 'feature')) return undefined;
  const kept = readList(root);
  const next: ListFile = { version: 1, parser: PARSER, files: {} };
  let missed = false;
  const listed: ListedSpec[] = [];
  for (const file of selection.files) {
    const text = readTextIfExists(path.join(root, file));
    if (text === undefined) return undefined;
    // The same text parses to other scenarios (or none) in another default language.
    const hash = shortHash(language === 'en' ? text : `${language}\n${text}`);
    const known = kept?.files[file];
    const scenarios = known?.hash === hash ? known.scenarios : await parseScenarios(text, file, language);
    if (!scenarios) return undefined;
    missed ||= known?.hash !== hash;
    next.files[file] = { hash, scenarios };
    listed.push({ file: { path: file, kind: 'feature', runPath: file, document: undefined, frontMatter: undefined, problems: [] }, scenarios });
  }
  if (missed || Object.keys(kept?.files ?? {}).length !== selection.files.length) await writeList(root, next);
  return { selection, listed };
}

/** The scenarios of documents compiled here (Markdown, or a run that had to parse). */
export async function listDocuments(files: SpecFile[]): Promise<ListedSpec[]> {
  const [{ compilePickles }, { indexPickles }] = await Promise.all([import('./gherkin.js'), import('./pickle-index.js')]);
  return files.map((file) => ({ file, scenarios: indexPickles(file.document, compilePickles(file.document, file.path)).map(listed) }));
}

async function parseScenarios(text: string, file: string, language: string): Promise<ListedScenario[] | undefined> {
  const [{ compilePickles, parseGherkin }, { indexPickles }] = await Promise.all([import('./gherkin.js'), import('./pickle-index.js')]);
  const parsed = parseGherkin(text, file, false, language);
  if (parsed.problems.length > 0) return undefined;
  return indexPickles(parsed.document, compilePickles(parsed.document, file)).map(listed);
}

const listed = (p: ListedScenario): ListedScenario => ({ line: p.line, scenarioLine: p.scenarioLine, name: p.name, tags: p.tags });

const PARSER = (() => {
  try {
    const own = ownPackage();
    return `specloop ${own.version}, @cucumber/gherkin ${own.dependencies?.['@cucumber/gherkin']}`;
  } catch {
    return 'unknown';
  }
})();

function readList(root: string): ListFile | undefined {
  try {
    const data = JSON.parse(readFileSync(path.join(root, LIST_FILE), 'utf8')) as ListFile;
    return data.version === 1 && data.parser === PARSER && data.files && typeof data.files === 'object' ? data : undefined;
  } catch {
    return undefined;
  }
}

/** A cache: whole or not at all (a temp file renamed over it), and a failure to write never fails the run. */
async function writeList(root: string, list: ListFile): Promise<void> {
  const target = path.join(root, LIST_FILE);
  try {
    ensureDir(path.dirname(target));
    const { default: writeFileAtomic } = await import('write-file-atomic');
    await writeFileAtomic(target, JSON.stringify(list), { fsync: false });
  } catch {
    // The next shard parses again.
  }
}
