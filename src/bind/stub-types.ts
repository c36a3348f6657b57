import path from 'node:path';
import type { Project, Type } from 'ts-morph';
import { Node } from '../core/ts-morph.js';

// What the project's own support code says about the types a stub should use: the World class
// setWorldConstructor registers (for `this`), and the type each custom parameter type's
// transformer returns. Read with ts-morph's type checker from the project's TypeScript sources.

/** A named type a stub imports: its name and the file declaring it (absolute). */
export interface TypeRef {
  name: string;
  file: string;
}

export interface ProjectTypes {
  world: TypeRef | undefined;
  /** By parameter type name: the TypeScript type text, and the declaration to import when it is named. */
  params: Map<string, { text: string; ref?: TypeRef }>;
}

const PRIMITIVE = (type: Type): string | undefined => (type.isString() || type.isStringLiteral() ? 'string' : type.isNumber() || type.isNumberLiteral() ? 'number' : type.isBoolean() ? 'boolean' : type.isBigInt() ? 'bigint' : undefined);

/** The World and the custom parameter types the given support files (absolute, TypeScript) declare. */
export function readProjectTypes(project: Project, files: string[]): ProjectTypes {
  const types: ProjectTypes = { world: undefined, params: new Map() };
  for (const file of files.filter((f) => /\.[mc]?tsx?$/.test(f))) {
    const source = project.addSourceFileAtPathIfExists(file);
    source?.forEachDescendant((node) => {
      if (!Node.isCallExpression(node)) return;
      const callee = node.getExpression().getText();
      const [arg] = node.getArguments();
      if (callee.endsWith('setWorldConstructor') && arg) types.world ??= exportedClass(arg);
      if (callee.endsWith('defineParameterType') && Node.isObjectLiteralExpression(arg)) addParameterType(types, arg);
    });
  }
  return types;
}

function exportedClass(node: Node): TypeRef | undefined {
  const symbol = node.getSymbol();
  const declaration = (symbol?.getAliasedSymbol() ?? symbol)?.getDeclarations()[0];
  if (!Node.isClassDeclaration(declaration) || !declaration.isExported() || !declaration.getName()) return undefined;
  return { name: declaration.getName()!, file: declaration.getSourceFile().getFilePath() };
}

function addParameterType(types: ProjectTypes, options: Node): void {
  if (!Node.isObjectLiteralExpression(options)) return;
  const name = options.getProperty('name');
  const literal = Node.isPropertyAssignment(name) ? name.getInitializer() : undefined;
  if (!Node.isStringLiteral(literal)) return;
  const transformer = options.getProperty('transformer');
  // Without a transformer cucumber passes the matched text.
  if (!transformer) return void types.params.set(literal.getLiteralValue(), { text: 'string' });
  const returned = transformer.getType().getCallSignatures()[0]?.getReturnType();
  types.params.set(literal.getLiteralValue(), returned ? typeOf(returned) : { text: 'unknown' });
}

/** A primitive as itself, an exported named type by name (to import), anything else as `unknown`: never a guess. */
function typeOf(type: Type): { text: string; ref?: TypeRef } {
  const primitive = PRIMITIVE(type);
  if (primitive && !type.getAliasSymbol()) return { text: primitive };
  const symbol = type.getAliasSymbol() ?? type.getSymbol();
  const declaration = symbol?.getDeclarations()[0];
  const exported = declaration && (Node.isTypeAliasDeclaration(declaration) || Node.isInterfaceDeclaration(declaration) || Node.isClassDeclaration(declaration) || Node.isEnumDeclaration(declaration)) && declaration.isExported();
  const file = declaration?.getSourceFile().getFilePath();
  if (exported && file && !file.split(path.sep).includes('node_modules')) return { text: symbol!.getName(), ref: { name: symbol!.getName(), file } };
  return { text: primitive ?? 'unknown' };
}
