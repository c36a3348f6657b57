/**
 * Fallback parser for `.tsx` / `.jsx` files that es-module-lexer rejects (it lexes JSX text as
 * code, so `<p>it's</p>` opens a string). Uses the TypeScript parser bundled with ts-morph —
 * loaded on first use only (~200 ms once), and per file only when the lexer failed. Same output
 * and the same type-only rules as parse.ts, read from the syntax tree instead of the text.
 */
import type { ts as TS } from 'ts-morph';
import type { ParsedImport } from './types.js';
import type { ParseResult } from './parse.js';
import { typescript } from './typescript.js';

export function parseWithTypeScript(text: string, file: string): ParseResult {
  const ts = typescript();
  const kind = file.endsWith('.jsx') ? ts.ScriptKind.JSX : ts.ScriptKind.TSX;
  const sf = ts.createSourceFile(file || 'file.tsx', text, ts.ScriptTarget.Latest, true, kind);
  const diagnostics = (sf as unknown as { parseDiagnostics?: readonly TS.Diagnostic[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (first) {
    const { line, character } = sf.getLineAndCharacterOfPosition(first.start ?? 0);
    const message = ts.flattenDiagnosticMessageText(first.messageText, ' ');
    return { ok: false, error: `syntax error at ${line + 1}:${character + 1}: ${message}` };
  }
  const imports: ParsedImport[] = [];
  const literal = (node: TS.Node | undefined): string | undefined =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

  const visit = (node: TS.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const spec = literal(node.moduleSpecifier);
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (spec !== undefined && !typeOnly) imports.push({ kind: 'static', specifier: spec });
      return;
    }
    if (ts.isExportDeclaration(node)) {
      const spec = literal(node.moduleSpecifier);
      const clause = node.exportClause;
      const typeOnly =
        node.isTypeOnly ||
        (clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly));
      if (spec !== undefined && !typeOnly) imports.push({ kind: 'reexport', specifier: spec });
      return;
    }
    if (ts.isImportEqualsDeclaration(node)) {
      const ref = node.moduleReference;
      const spec = ts.isExternalModuleReference(ref) ? literal(ref.expression) : undefined;
      if (spec !== undefined && !node.isTypeOnly) imports.push({ kind: 'static', specifier: spec });
      return;
    }
    if (ts.isCallExpression(node)) {
      const arg = node.arguments[0];
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword && arg) {
        const spec = literal(arg);
        if (spec !== undefined) imports.push({ kind: 'dynamic', specifier: spec });
        else if (ts.isTemplateExpression(arg)) imports.push({ kind: 'glob', specifier: templateGlob(arg) });
        else imports.push({ kind: 'non-literal', specifier: arg.getText(sf).slice(0, 200) });
      } else if (ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1) {
        const spec = literal(arg);
        if (spec !== undefined) imports.push({ kind: 'require', specifier: spec });
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sf, visit);
  return { ok: true, imports };
}

function templateGlob(node: TS.TemplateExpression): string {
  return node.head.text + node.templateSpans.map((span) => '*' + span.literal.text).join('');
}
