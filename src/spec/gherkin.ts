import { generateMessages } from '@cucumber/gherkin';
import { IdGenerator, SourceMediaType, type GherkinDocument, type Pickle } from '@cucumber/messages';
import type { SpecProblem } from '../core/errors.js';

export interface ParsedGherkin {
  document: GherkinDocument | undefined;
  pickles: Pickle[];
  problems: SpecProblem[];
}

const newId = IdGenerator.incrementing();

/**
 * Parses Gherkin (classic or Cucumber's Markdown flavour) and collects every parse error,
 * each located at the line and column of the file the person wrote (`uri`).
 */
export function parseGherkin(text: string, uri: string, markdown: boolean): ParsedGherkin {
  const envelopes = generateMessages(
    text,
    uri,
    markdown ? SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_MARKDOWN : SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN,
    { includeSource: false, includeGherkinDocument: true, includePickles: true, newId },
  );
  const result: ParsedGherkin = { document: undefined, pickles: [], problems: [] };
  for (const envelope of envelopes) {
    if (envelope.gherkinDocument) result.document = envelope.gherkinDocument;
    else if (envelope.pickle) result.pickles.push(envelope.pickle);
    else if (envelope.parseError) {
      const { message, source } = envelope.parseError;
      result.problems.push({
        code: 'SPEC_PARSE',
        message: stripLocationPrefix(message),
        location: { file: uri, line: source.location?.line ?? 1, column: source.location?.column },
        hint: hintForParseError(message),
      });
    }
  }
  return result;
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
