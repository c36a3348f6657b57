import { describe, expect, it } from 'vitest';
import { locateProfileKeys } from '../src/config/locate-key.js';

describe('locateProfileKeys', () => {
  it('places a key of a named YAML profile under that profile, not at the same key of another', () => {
    const text = ['default:', '  tag: "@a"', 'ci:', '  paths: [x]', '  tag: "@b"', ''].join('\n');
    expect(locateProfileKeys(text, 'cucumber.yml', ['ci'], ['tag'])).toEqual({ tag: 5 });
  });

  it('finds keys of a JSON profile and of a JS object by their text', () => {
    expect(locateProfileKeys('{\n  "default": {\n    "retyr": 1\n  }\n}', 'cucumber.json', ['default'], ['retyr'])).toEqual({ retyr: 3 });
    expect(locateProfileKeys("module.exports = {\n  default: {\n    require: [],\n    requir: ['x'],\n  },\n};", 'cucumber.js', ['default'], ['requir'])).toEqual({ requir: 4 });
  });

  it('gives no line to a key the text does not show', () => {
    expect(locateProfileKeys("module.exports = { default: { ...require('./shared.cjs') } };", 'cucumber.js', ['default'], ['strct'])).toEqual({});
  });
});
