/**
 * ts-morph's values, loaded with require(). ts-morph is CommonJS: an ES `import` of it makes Node
 * read its files a second time, detect their format and run its CommonJS export lexer over them,
 * ≈ 0.3 s of CPU on the 9 MB TypeScript compiler it bundles, on every first analysis of a project's
 * step files (a verify's vacuous-check worker; bench/RESULTS.md, session 14). Types still come from
 * `import type … from 'ts-morph'`; a name that is a value and a type is given as both here.
 */
import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';

const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof TsMorph;

export const { Node, Project, QuoteKind, SyntaxKind, ts } = tsMorph;
export type Node<T extends TsMorph.ts.Node = TsMorph.ts.Node> = TsMorph.Node<T>;
export type Project = TsMorph.Project;
export type QuoteKind = TsMorph.QuoteKind;
export type SyntaxKind = TsMorph.SyntaxKind;
