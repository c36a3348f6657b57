import { diffLines } from 'diff';

/** A line diff of an assertion's expected and actual values, `-` expected, `+` actual. */
export function lineDiff(expected: string, actual: string): string {
  const out = ['- expected', '+ actual', ''];
  for (const part of diffLines(expected.endsWith('\n') ? expected : `${expected}\n`, actual.endsWith('\n') ? actual : `${actual}\n`)) {
    const sign = part.added ? '+' : part.removed ? '-' : ' ';
    for (const line of part.value.replace(/\n$/, '').split('\n')) out.push(`${sign} ${line}`);
  }
  return out.join('\n');
}
