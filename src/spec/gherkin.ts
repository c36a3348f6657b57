import { AstBuilder, compile, GherkinClassicTokenMatcher, GherkinInMarkdownTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type GherkinDocument, type Pickle } from '@cucumber/messages';
import type { SpecProblem } from '../core/errors.js';

export interface ParsedGherkin {
  document: GherkinDocument | undefined;
  problems: SpecProblem[];
}

const newId = IdGenerator.incrementing();

/**
 * Parses Gherkin (classic or Cucumber's Markdown flavour) and collects every parse error,
 * each located at the line and column of the file the person wrote (`uri`).
 */
export function parseGherkin(text: string, uri: string, markdown: boolean, language = 'en'): ParsedGherkin {
  // `language`: the run's default (a cucumber profile's `language:`); a file's `# language:` line wins.
  const matcher = markdown ? new GherkinInMarkdownTokenMatcher(language) : new GherkinClassicTokenMatcher(language);
  const parser = new Parser(new AstBuilder(newId), matcher);
  parser.stopAtFirstError = false;
  try {
    const document = parser.parse(text);
    document.uri = uri;
    return { document, problems: [] };
  } catch (error) {
    const errors = (error as { errors?: ParserError[] }).errors ?? [error as ParserError];
    // Anything without a location is not a parse error but a bug: let it surface.
    if (errors.some((e) => !e.location)) throw error;
    return { document: undefined, problems: errors.map((e) => parseProblem(e, uri)) };
  }
}

interface ParserError {
  message: string;
  location?: { line: number; column?: number };
}

function parseProblem(error: ParserError, uri: string): SpecProblem {
  return {
    code: 'SPEC_PARSE',
    message: stripLocationPrefix(error.message),
    location: { file: uri, line: error.location?.line ?? 1, column: error.location?.column },
    hint: hintForParseError(error.message),
  };
}

/** The pickles (runnable scenarios, one per example row) of a parsed document. */
export function compilePickles(document: GherkinDocument | undefined, uri: string): Pickle[] {
  return document ? [...compile(document, uri, newId)] : [];
}

/** Whether a document has anything to run, without compiling its pickles. */
export function hasScenarios(document: GherkinDocument | undefined): boolean {
  return (document?.feature?.children ?? []).some((child) => child.scenario || child.rule?.children.some((c) => c.scenario));
}

function stripLocationPrefix(message: string): string {
  return message.replace(/^\(\d+:\d+\):\s*/, '');
}

function hintForParseError(message: string): string {
  if (/inconsistent cell count/i.test(message)) return 'give every row of the table the same number of cells';
  if (/got '\s*Feature/.test(message)) return 'a file holds one Feature: split it, or remove the second Feature line';
  if (/unexpected end of file/i.test(message)) return 'close every doc string (""" or ```) and end the file after complete blocks';
  if (/expected: #EOF, #Language, #TagLine, #FeatureLine/.test(message)) {
    return 'start the file with "Feature: <name>" (after optional tags, comments and a # language: line)';
  }
  if (/got/.test(message)) {
    return 'steps start with Given/When/Then/And/But; prose belongs in a description right under Feature/Scenario, or in a # comment';
  }
  return 'fix the Gherkin at this line';
}
