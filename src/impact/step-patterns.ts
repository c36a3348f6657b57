/**
 * The step patterns a step file defines, read from its text, and the rule they feed: a step file
 * whose edit adds a pattern the scenario map never saw it define may match steps bound to other
 * files (making them ambiguous) or steps no file defined, so it reaches every scenario, not only
 * those bound to it. An edit inside the step bodies leaves the patterns as recorded.
 */
import path from 'node:path';
import { readTextIfExists } from '../core/fs.js';
import { tokenize, type Tok } from './steps-only-tokens.js';
import type { ScenarioMap } from './scenario-map.js';
import { STEP_FUNCTIONS } from '../core/step-functions.js';


/**
 * The patterns in the file's `Given('…')`-style calls, as cucumber records them (a regular
 * expression by its source); undefined when some call's pattern is computed or the text does not
 * tokenize: only running the file would tell.
 */
export function definedPatterns(text: string): string[] | undefined {
  const tokens = tokenize(text);
  if (!tokens) return undefined;
  const patterns: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.type !== 'IdentifierName' || !STEP_FUNCTIONS.has(tok.value) || tokens[i - 1]?.value === 'function') continue;
    const open = afterTypeArguments(tokens, i + 1);
    if (open === undefined) return undefined;
    if (tokens[open]?.value !== '(') continue;
    const pattern = literalPattern(tokens[open + 1]);
    const after = tokens[open + 2]?.value;
    if (pattern === undefined || (after !== ',' && after !== ')')) return undefined;
    patterns.push(pattern);
  }
  return patterns;
}

/** Past `<World>` in `Given<World>(…)`: the index of the token after it; undefined when unsure (no close, a `(` inside). */
function afterTypeArguments(tokens: Tok[], at: number): number | undefined {
  if (tokens[at]?.value !== '<') return at;
  let depth = 0;
  for (let j = at; j < tokens.length; j++) {
    const value = tokens[j]!.value;
    if (value === '<') depth++;
    else if (/^>+$/.test(value)) depth -= value.length;
    else if (value === ';') return at; // a comparison (`Given < 3;`), no call
    else if (value === '(') return undefined;
    if (depth <= 0) return j + 1;
  }
  return undefined;
}

function literalPattern(tok: Tok | undefined): string | undefined {
  if (!tok) return undefined;
  if (tok.type === 'StringLiteral' || tok.type === 'NoSubstitutionTemplate') return unescape(tok.value.slice(1, -1));
  if (tok.type === 'RegularExpressionLiteral') return tok.value.slice(1, tok.value.lastIndexOf('/'));
  return undefined;
}

const SIMPLE: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

function unescape(body: string): string {
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/g, (_, esc: string) => {
    if (/^u\{/.test(esc)) return String.fromCodePoint(parseInt(esc.slice(2, -1), 16));
    if (/^[ux][0-9a-fA-F]/.test(esc)) return String.fromCharCode(parseInt(esc.slice(1), 16));
    if (esc === '\r\n' || esc === '\n' || esc === '\r') return '';
    return SIMPLE[esc] ?? esc;
  });
}

/**
 * The changed step file (one a run loaded, or a module that uses cucumber) whose text now defines a pattern the map did
 * not record for it (or whose patterns cannot be read), and why that reaches every scenario.
 */
export function gainedStepPattern(changed: string[], map: ScenarioMap, root: string, readText = (file: string) => readTextIfExists(path.join(root, file))): { file: string; because: string } | undefined {
  for (const file of changed) {
    if (!/\.[cm]?[jt]sx?$/.test(file)) continue;
    const text = readText(file);
    // A helper outside the step globs may define steps too (a step file imports it): its use of cucumber tells.
    const known = map.supportFiles.includes(file) || map.stepPatterns?.[file] !== undefined;
    if (text === undefined || (!known && !text.includes('@cucumber/cucumber'))) continue;
    const now = definedPatterns(text);
    const recorded = new Set(map.stepPatterns?.[file] ?? []);
    if (now === undefined) return { file, because: 'defines a step pattern that cannot be read without running it: it may match steps bound to other files' };
    if (now.some((p) => !recorded.has(p))) return { file, because: 'defines a step pattern no run has matched against every scenario: it may make their steps ambiguous or defined' };
  }
  return undefined;
}
