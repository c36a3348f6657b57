import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CUCUMBER_PROFILE_KEYS, OTHER_MAJORS_KEYS, unknownKeyNotes, unknownProfileKeys } from '../src/config/profile-keys.js';

// cucumber's own list of profile options is its default configuration's keys (not public API,
// so read from its file here: the test fails the day a cucumber upgrade adds or renames one).
const require = createRequire(import.meta.url);
const { DEFAULT_CONFIGURATION } = require('@cucumber/cucumber/lib/configuration/default_configuration') as { DEFAULT_CONFIGURATION: Record<string, unknown> };

describe('the cucumber profile keys specloop knows', () => {
  it('are every option the installed cucumber reads, and only other supported majors\' keys besides', () => {
    const installed = Object.keys(DEFAULT_CONFIGURATION).sort();
    expect(unknownProfileKeys(installed)).toEqual([]);
    // The keys the installed cucumber lacks are those of the other supported majors, nothing else.
    const lacking = CUCUMBER_PROFILE_KEYS.filter((k) => !installed.includes(k));
    expect(lacking.filter((k) => !(OTHER_MAJORS_KEYS as readonly string[]).includes(k))).toEqual([]);
    expect(lacking).toContain('publishQuiet');
  });

  it('names a typo with the option it most likely meant, and a stranger without a guess', () => {
    expect(unknownProfileKeys(['requir', 'paths', 'retyr', 'formatOptions'])).toEqual(['requir', 'retyr']);
    const [typo] = unknownKeyNotes('cucumber.js', ['requir']);
    expect(typo).toMatchObject({ code: 'SPEC_PROFILE_UNKNOWN_KEY', message: 'cucumber.js: cucumber does not know the profile key "requir" and ignores it: did you mean "require"?' });
    const [stranger] = unknownKeyNotes('cucumber.json', ['colour']);
    expect(stranger!.message).not.toContain('did you mean');
    expect(stranger!.hint).toContain('remove "colour" from cucumber.json');
  });
});
