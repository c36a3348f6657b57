import { describe, expect, it } from 'vitest';
import { editSettings, parseSettings } from '../src/init/settings-edit.js';

function edit(text: string, change: (settings: Record<string, unknown>) => Record<string, unknown>): string {
  const parsed = parseSettings(text);
  if (!parsed.ok) throw new Error(parsed.message);
  const before = parsed.value as Record<string, unknown>;
  return editSettings(text, before, change(structuredClone(before)));
}

describe('editSettings', () => {
  it('adds a key in the file\'s own indentation, leaving comments and key order alone', () => {
    const text = '{\n    // team settings\n    "b": 1,\n    "a": [1]\n}\n';
    expect(edit(text, (s) => ({ ...s, hooks: { Stop: [] } }))).toBe('{\n    // team settings\n    "b": 1,\n    "a": [1],\n    "hooks": {\n        "Stop": []\n    }\n}\n');
  });

  it('appends to an existing list without touching its siblings, in tabs', () => {
    const text = '{\n\t"hooks": {\n\t\t"other": [ 1, 2 ],\n\t\t"stop": []\n\t}\n}';
    const out = edit(text, (s) => ({ hooks: { ...(s.hooks as object), stop: [{ command: 'x' }] } }));
    expect(out).toContain('\t\t"other": [ 1, 2 ],\n');
    expect(out).toContain('\t\t"stop": [\n\t\t\t{\n\t\t\t\t"command": "x"\n\t\t\t}\n\t\t]\n');
    expect(JSON.parse(out)).toEqual({ hooks: { other: [1, 2], stop: [{ command: 'x' }] } });
  });

  it('keeps CRLF line endings', () => {
    const out = edit('{\r\n  "a": 1\r\n}\r\n', (s) => ({ ...s, b: 2 }));
    expect(out).toBe('{\r\n  "a": 1,\r\n  "b": 2\r\n}\r\n');
  });
});

describe('parseSettings', () => {
  it('reads comments, and names line and column of a syntax error', () => {
    expect(parseSettings('{ /* c */ "a": 1 }')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseSettings('{\n  "a": 1\n  "b": 2\n}')).toEqual({ ok: false, message: 'CommaExpected at line 3, column 3' });
  });
});
