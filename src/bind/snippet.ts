import { CucumberExpressionGenerator, ParameterType, ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import type { RunParameterType } from '../run/result.js';

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

/** A ready-to-paste TypeScript step definition, with the cucumber-expression parameters typed. */
export function snippetFor(keyword: string, text: string, argument: 'dataTable' | 'docString' | undefined, registry: ParameterTypeRegistry): string {
  const generator = new CucumberExpressionGenerator(() => registry.parameterTypes);
  // The generator escapes ( { / but not the escape character itself.
  const [expression] = generator.generateExpressions(text.replace(/\\/g, '\\\\'));
  const source = expression ? expression.source : text;
  const names = expression ? expression.parameterNames : [];
  const types = expression ? expression.parameterTypes.map((t) => TS_TYPES[t.name ?? ''] ?? 'unknown') : [];
  const params = names.map((name, i) => `${name}: ${types[i]}`);
  if (argument === 'dataTable') params.push('dataTable: DataTable');
  if (argument === 'docString') params.push('docString: string');
  const quoted = `'${source.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return [
    `${keyword}(${quoted}, function (${params.join(', ')}) {`,
    `  // Write code here that turns the phrase above into concrete actions`,
    `  return 'pending';`,
    `});`,
  ].join('\n');
}

export type SnippetFn = (keyword: string, text: string, argument: 'dataTable' | 'docString' | undefined) => string;

/** A snippet writer bound to the run's parameter types. */
export function makeSnippetWriter(custom: RunParameterType[]): SnippetFn {
  const registry = makeRegistry(custom);
  return (keyword, text, argument) => snippetFor(keyword, text, argument, registry);
}

/** The import line a set of snippets needs. */
export function snippetImports(keywords: string[], needsDataTable: boolean): string {
  const names = [...new Set(keywords)].sort();
  if (needsDataTable) names.push('DataTable');
  return `import { ${names.join(', ')} } from '@cucumber/cucumber';`;
}
