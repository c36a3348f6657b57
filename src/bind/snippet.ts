import { CucumberExpressionGenerator, ParameterType, ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import type { RunParameterType } from '../core/run-result.js';

const TS_TYPES: Record<string, string> = {
  int: 'number',
  float: 'number',
  double: 'number',
  byte: 'number',
  short: 'number',
  long: 'number',
  bigdecimal: 'string',
  biginteger: 'bigint',
  word: 'string',
  string: 'string',
  '': 'string',
};

/** A registry with cucumber's built-ins plus the user's own parameter types, so snippets use them. */
export function makeRegistry(custom: RunParameterType[]): ParameterTypeRegistry {
  const registry = new ParameterTypeRegistry();
  for (const type of custom) {
    if (registry.lookupByTypeName(type.name)) continue;
    try {
      registry.defineParameterType(new ParameterType(type.name, type.regexps, null, (s: string) => s, true, false));
    } catch {
      // A parameter type whose regexp clashes with another can't be used for suggestions; skip it.
    }
  }
  return registry;
}

/**
 * The profile's `formatOptions.snippetInterface`, as cucumber-js writes each one; anything else
 * (`generator`, which cucumber dropped) gets the synchronous form, as cucumber gives it.
 */
export type SnippetInterface = 'synchronous' | 'async-await' | 'callback' | 'promise';

const BODY: Record<SnippetInterface, string> = {
  synchronous: "return 'pending';",
  'async-await': "return 'pending';",
  callback: "callback(null, 'pending');",
  promise: "return Promise.resolve('pending');",
};

export function asInterface(value: string | undefined): SnippetInterface {
  return value !== undefined && value in BODY ? (value as SnippetInterface) : 'synchronous';
}

/** A step's cucumber expression (the generator's first) and its parameters: name and parameter type name. */
export function expressionFor(text: string, registry: ParameterTypeRegistry): { source: string; params: { name: string; type: string }[] } {
  const generator = new CucumberExpressionGenerator(() => registry.parameterTypes);
  // The generator escapes ( { / but not the escape character itself.
  const [expression] = generator.generateExpressions(text.replace(/\\/g, '\\\\'));
  if (!expression) return { source: text, params: [] };
  return { source: expression.source, params: expression.parameterNames.map((name, i) => ({ name, type: expression.parameterTypes[i]?.name ?? '' })) };
}

/** The TypeScript type cucumber passes for a built-in parameter type; undefined for the project's own. */
export function builtinTsType(typeName: string): string | undefined {
  return TS_TYPES[typeName];
}

/**
 * A ready-to-paste step definition: TypeScript with the cucumber-expression parameters typed, or
 * plain JavaScript for a project whose step files are JavaScript (types there are a syntax error).
 */
export function snippetFor(keyword: string, text: string, argument: 'dataTable' | 'docString' | undefined, registry: ParameterTypeRegistry, style: SnippetInterface = 'synchronous', typed = true): string {
  const { source, params: found } = expressionFor(text, registry);
  const params = found.map((p) => (typed ? `${p.name}: ${TS_TYPES[p.type] ?? 'unknown'}` : p.name));
  return definitionText(keyword, source, params, argument, style, typed);
}

/**
 * A step definition's source: `params` are the expression's own (`name: type`, a `this: World`
 * first when typed), then the step's argument and the callback the interface needs.
 */
export function definitionText(keyword: string, source: string, params: string[], argument: 'dataTable' | 'docString' | undefined, style: SnippetInterface, typed = true): string {
  params = [...params];
  if (argument === 'dataTable') params.push(typed ? 'dataTable: DataTable' : 'dataTable');
  if (argument === 'docString') params.push(typed ? 'docString: string' : 'docString');
  if (style === 'callback') params.push(typed ? 'callback: (error: Error | null, result?: string) => void' : 'callback');
  const quoted = `'${source.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return [
    `${keyword}(${quoted}, ${style === 'async-await' ? 'async ' : ''}function (${params.join(', ')}) {`,
    `  // Write code here that turns the phrase above into concrete actions`,
    `  ${BODY[style]}`,
    `});`,
  ].join('\n');
}

export type SnippetFn = (keyword: string, text: string, argument: 'dataTable' | 'docString' | undefined) => string;

/** A snippet writer bound to the run's parameter types, the profile's snippet interface and the language of the project's step files. */
export function makeSnippetWriter(custom: RunParameterType[], snippetInterface?: string, typed = true): SnippetFn {
  const registry = makeRegistry(custom);
  const style = asInterface(snippetInterface);
  return (keyword, text, argument) => snippetFor(keyword, text, argument, registry, style, typed);
}

/** Snippets are typed unless the project's step definitions are all JavaScript (none yet: TypeScript, as the stubs). */
export function typedSnippets(definitionFiles: string[]): boolean {
  return definitionFiles.some((f) => /\.[mc]?tsx?$/.test(f)) || !definitionFiles.some((f) => /\.[mc]?jsx?$/.test(f));
}

/** The import line a set of snippets needs. */
export function snippetImports(keywords: string[], needsDataTable: boolean): string {
  const names = [...new Set(keywords)].sort();
  if (needsDataTable) names.push('DataTable');
  return `import { ${names.join(', ')} } from '@cucumber/cucumber';`;
}
