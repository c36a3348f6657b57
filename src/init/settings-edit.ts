/**
 * Reading and editing an agent's JSON settings the way a person would: comments allowed, and
 * changes applied as edits to the text, so the file keeps its indentation, key order, comments
 * and everything else specloop did not add.
 */
import { isDeepStrictEqual } from 'node:util';
import { applyEdits, format, modify, parse, printParseErrorCode, type FormattingOptions, type JSONPath, type ParseError } from 'jsonc-parser';
import { isPlainObject } from '../core/plain-object.js';

export type ParsedSettings = { ok: true; value: unknown } | { ok: false; message: string };

/** JSON with comments (as VS Code-style settings files are written); anything else is an error naming line and column. */
export function parseSettings(text: string): ParsedSettings {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { disallowComments: false, allowTrailingComma: false, allowEmptyContent: false });
  const [first] = errors;
  if (!first) return { ok: true, value };
  const before = text.slice(0, first.offset).split('\n');
  return { ok: false, message: `${printParseErrorCode(first.error)} at line ${before.length}, column ${before.at(-1)!.length + 1}` };
}

/** `text` with what differs from `before` to `after` written in: appended array items are inserted, the rest set in place. */
export function editSettings(text: string, before: unknown, after: unknown): string {
  const formattingOptions = formattingOf(text);
  let edited = text;
  for (const change of changesBetween(before, after, [])) {
    for (const edit of modify(edited, change.path, change.value, { isArrayInsertion: change.insert })) {
      edited = applyEdits(edited, [edit]);
      edited = laidOut(edited, edit.offset, edit.offset + edit.content.length, formattingOptions);
    }
  }
  return edited;
}

/**
 * Lays out only the text specloop inserted: jsonc-parser's formatter starts at the beginning of
 * the line, and would otherwise re-lay out the person's own text before the insertion.
 */
function laidOut(text: string, start: number, end: number, options: FormattingOptions): string {
  if (end === start) return text;
  // One character either side (a whole \r\n), so the breaks between the insertion and its neighbours are laid out too.
  const from = Math.max(0, text.startsWith('\r\n', start - 2) ? start - 2 : start - 1);
  const to = text.startsWith('\r\n', end) ? end + 2 : end + 1;
  const inside = format(text, { offset: from, length: to - from }, options).filter((e) => e.offset + e.length >= start && e.offset <= end);
  return applyEdits(text, inside);
}

interface Change {
  path: JSONPath;
  value: unknown;
  insert: boolean;
}

function* changesBetween(before: unknown, after: unknown, path: JSONPath): Generator<Change> {
  if (isDeepStrictEqual(before, after)) return;
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of Object.keys(after)) {
      if (key in before) yield* changesBetween(before[key], after[key], [...path, key]);
      else yield { path: [...path, key], value: after[key], insert: false };
    }
    for (const key of Object.keys(before)) if (!(key in after)) yield { path: [...path, key], value: undefined, insert: false };
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.every((item, i) => isDeepStrictEqual(item, after[i]))) {
    for (let i = before.length; i < after.length; i++) yield { path: [...path, i], value: after[i], insert: true };
    return;
  }
  yield { path, value: after, insert: false };
}

/** The file's own indentation (the first indented line's) and line ending, for what is added. */
function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /^([ \t]+)\S/m.exec(text)?.[1];
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  return { insertSpaces: true, tabSize: indent?.length ?? 2, eol };
}

