// Size: over 10 KB because writing the stubs and matching how the project writes its step files (import or require, quotes, extensions, TypeScript or JavaScript) belong together.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceFile, VariableDeclaration } from 'ts-morph';
import { Node, Project, QuoteKind } from '../core/ts-morph.js';
import type { ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import type { UndefinedStep } from './catalogue-schema.js';
import { builtinTsType, definitionText, expressionFor, type SnippetInterface } from './snippet.js';
import type { StubGroup } from './stub-plan.js';
import { readProjectTypes, type ProjectTypes, type TypeRef } from './stub-types.js';

export interface StubWriteInput {
  root: string;
  groups: StubGroup[];
  registry: ParameterTypeRegistry;
  style: SnippetInterface;
  /** The project's support and step files (absolute): where its World and parameter types are declared. */
  supportFiles: string[];
  /** Its step definition files (absolute): how they write relative imports (`.js` or none). */
  definitionFiles: string[];
}

export interface WrittenFile {
  file: string;
  created: boolean;
  /** The expressions of the stubs written, in order. */
  stubs: string[];
}

const CUCUMBER = '@cucumber/cucumber';

/**
 * Writes each group's stubs into its file (created, or extended after what is there), typed from the
 * project: `this` as its World, parameters from the expression, its parameter types' own types.
 * A stub whose expression the file already holds is not written again.
 */
export function writeStubs(input: StubWriteInput): WrittenFile[] {
  const project = projectOf(input.root);
  project.manipulationSettings.set({ quoteKind: quoteOf(input.definitionFiles) === '"' ? QuoteKind.Double : QuoteKind.Single });
  const types = readProjectTypes(project, input.supportFiles);
  const unusedPrefix = project.getCompilerOptions().noUnusedParameters ? '_' : '';
  const extension = importExtension(input.root, input.definitionFiles);
  const loads = loadsCucumberWithRequire(input.definitionFiles);
  const written: WrittenFile[] = [];
  for (const group of input.groups) {
    const file = path.join(input.root, group.file);
    const created = !existsSync(file);
    const source = created ? project.createSourceFile(file, '') : project.addSourceFileAtPath(file);
    const before = source.getFullText();
    const stubs = group.steps.map((step) => ({ step, ...expressionFor(step.text, input.registry) })).filter((s) => !before.includes(quoted(s.source)));
    if (stubs.length === 0) continue;
    // A JavaScript step project gets JavaScript stubs: no types, cucumber loaded as its files (else its package) load modules.
    const js = JAVASCRIPT.test(file);
    const refs = js ? [] : [...(types.world ? [types.world] : []), ...stubs.flatMap((s) => s.params.flatMap((p) => types.params.get(p.type)?.ref ?? []))];
    const requires = loads ?? (js && (/\.cjs$/.test(file) || (!/\.mjs$/.test(file) && !esmPackage(input.root))));
    addImports(source, stubs.map((s) => s.step), refs, { extension, requires, typed: !js });
    source.addStatements(stubs.map((s) => `\n${js ? definitionText(s.step.keyword, s.source, s.params.map((p) => p.name), s.step.argument, input.style, false) : stubText(s.step, s.source, s.params, types, input.style, unusedPrefix)}`));
    // With no import or export, TypeScript reads the file as a script sharing one scope with every other: two `const { When }` would clash.
    if (!js && isScript(source)) source.addStatements('\nexport {};');
    source.saveSync();
    written.push({ file: group.file, created, stubs: stubs.map((s) => s.source) });
  }
  return written;
}

/** The project's compiler options (its tsconfig.json), or TypeScript's defaults when it has none that ts-morph can read. */
function projectOf(root: string): Project {
  const tsconfig = path.join(root, 'tsconfig.json');
  try {
    if (existsSync(tsconfig)) return new Project({ tsConfigFilePath: tsconfig, skipAddingFilesFromTsConfig: true });
  } catch {
    // An unreadable tsconfig only costs the options it would have given: the project's tsc will say what is wrong with it.
  }
  return new Project({ compilerOptions: {} });
}

function stubText(step: UndefinedStep, source: string, params: { name: string; type: string }[], types: ProjectTypes, style: SnippetInterface, prefix: string): string {
  const typed = params.map((p) => `${prefix}${p.name}: ${builtinTsType(p.type) ?? types.params.get(p.type)?.text ?? 'unknown'}`);
  const self = types.world ? [`this: ${types.world.name}`] : [];
  const text = definitionText(step.keyword, source, [...self, ...typed], step.argument, style);
  return prefix ? text.replace(/\bdataTable: DataTable\b/, `${prefix}dataTable: DataTable`).replace(/\bdocString: string\b/, `${prefix}docString: string`) : text;
}

function quoted(source: string): string {
  return `'${source.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * cucumber's keywords (and DataTable, as a type) from @cucumber/cucumber, and the types the stubs
 * name, each imported once. The keywords come the way the file (else the project's step files)
 * loads cucumber: `import { … }`, or `const { … } = require(…)` in a CommonJS step file.
 */
function addImports(source: SourceFile, steps: UndefinedStep[], refs: TypeRef[], style: { extension: string; requires: boolean; typed: boolean }): void {
  const required = cucumberRequire(source);
  const requiredNames = required ? bindingNames(required) : [];
  const named = new Set([...requiredNames, ...source.getImportDeclarations().flatMap((d) => d.getNamedImports().map((n) => (n.getAliasNode() ?? n.getNameNode()).getText()))]);
  const keywords = [...new Set(steps.map((s) => s.keyword))].filter((k) => !named.has(k)).sort();
  const table = style.typed && steps.some((s) => s.argument === 'dataTable') && !named.has('DataTable');
  const cucumber = source.getImportDeclarations().find((d) => d.getModuleSpecifierValue() === CUCUMBER && !d.isTypeOnly() && !d.getNamespaceImport());
  const tableImport = table ? [{ name: 'DataTable', isTypeOnly: true }] : [];
  if (required || (!cucumber && style.requires)) {
    const q = quoteChar(source);
    if (required && keywords.length) required.getNameNode().replaceWithText(`{ ${[...bindingElements(required), ...keywords].join(', ')} }`);
    else if (keywords.length) source.insertStatements(0, `const { ${keywords.join(', ')} } = require(${q}${CUCUMBER}${q});`);
    if (tableImport.length) source.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: CUCUMBER, namedImports: ['DataTable'] });
  } else {
    const wanted = [...keywords.map((name) => ({ name })), ...tableImport];
    if (cucumber) cucumber.addNamedImports(wanted);
    else if (wanted.length) source.addImportDeclaration({ moduleSpecifier: CUCUMBER, namedImports: wanted });
  }
  const extension = style.extension;
  const byFile = new Map<string, Set<string>>();
  for (const ref of refs) if (!named.has(ref.name)) byFile.set(ref.file, (byFile.get(ref.file) ?? new Set()).add(ref.name));
  for (const [file, names] of byFile) source.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: specifier(source.getFilePath(), file, extension), namedImports: [...names].sort() });
}

const REQUIRE_CUCUMBER = /^require\(\s*(['"])@cucumber\/cucumber\1\s*\)$/;

/** `const { Given, When } = require('@cucumber/cucumber')` in the file, if it has one. */
function cucumberRequire(source: SourceFile): VariableDeclaration | undefined {
  return source.getVariableDeclarations().find((d) => Node.isObjectBindingPattern(d.getNameNode()) && REQUIRE_CUCUMBER.test(d.getInitializer()?.getText() ?? ''));
}

/** The local names a `{ a, b: c }` binding declares. */
function bindingNames(declaration: VariableDeclaration): string[] {
  const pattern = declaration.getNameNode();
  return Node.isObjectBindingPattern(pattern) ? pattern.getElements().map((e) => e.getNameNode().getText()) : [];
}

function isScript(source: SourceFile): boolean {
  return source.getImportDeclarations().length === 0 && source.getExportDeclarations().length === 0 && source.getExportAssignments().length === 0 && source.getExportedDeclarations().size === 0;
}

/** Its elements as written (`a`, `b: c`), to keep them when adding to the binding. */
function bindingElements(declaration: VariableDeclaration): string[] {
  const pattern = declaration.getNameNode();
  return Node.isObjectBindingPattern(pattern) ? pattern.getElements().map((e) => e.getText()) : [];
}

function quoteChar(source: SourceFile): string {
  return source.getProject().manipulationSettings.getQuoteKind() === QuoteKind.Double ? '"' : "'";
}

/** Whether the project's step files load cucumber with require() rather than import (the first that loads it either way decides); undefined when none does. */
function loadsCucumberWithRequire(definitionFiles: string[]): boolean | undefined {
  for (const file of definitionFiles) {
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (/\bfrom\s+['"]@cucumber\/cucumber['"]/.test(text)) return false;
    if (/=\s*require\(\s*['"]@cucumber\/cucumber['"]\s*\)/.test(text)) return true;
  }
  return undefined;
}

const JAVASCRIPT = /\.[mc]?jsx?$/;

function esmPackage(root: string): boolean {
  try {
    return (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { type?: string }).type === 'module';
  } catch {
    return false;
  }
}

function specifier(from: string, to: string, extension: string): string {
  const relative = path.relative(path.dirname(from), to).split(path.sep).join('/').replace(/\.([mc]?)tsx?$/, '');
  const ext = extension === '.js' ? (/\.mts$/.test(to) ? '.mjs' : /\.cts$/.test(to) ? '.cjs' : '.js') : extension;
  return `${relative.startsWith('.') ? '' : './'}${relative}${ext}`;
}

/** The quote the project's step files import with (single when they say nothing), so added imports look like theirs. */
function quoteOf(definitionFiles: string[]): string {
  for (const file of definitionFiles) {
    const found = existsSync(file) ? /\b(?:from\s+|require\(\s*)(['"])/.exec(readFileSync(file, 'utf8'))?.[1] : undefined;
    if (found) return found;
  }
  return "'";
}

/** How the project's step files end relative imports: `.js` (Node ESM), `.ts`, or nothing; with none to go by, `.js` in an ESM package. */
function importExtension(root: string, definitionFiles: string[]): string {
  for (const file of definitionFiles) {
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const found = /from\s+['"](\.{1,2}\/[^'"]*)['"]/g.exec(text)?.[1];
    if (found) return /\.[mc]?js$/.test(found) ? '.js' : /\.[mc]?ts$/.test(found) ? '.ts' : '';
  }
  return esmPackage(root) ? '.js' : '';
}
