Feature: A profile whose TypeScript cucumber-js alone cannot compile is told so
  specloop compiles TypeScript support code itself, so it loads `.ts` steps whatever the profile
  says. cucumber-js does not: it reads `import:` and `require:` entries as file globs (`'tsx'` in
  `import:` matches no file and loads nothing), and without a loader it has only Node's own type
  stripping (Node 22.18+), which cannot map `../src/color.js` to `color.ts`. Then `npx cucumber-js`
  (the project's own npm test and CI) fails where `spec verify` passes. The verdict says so in a
  warning; the set-ups cucumber-js does compile TypeScript with get none.

  Background:
    Given the "esm-import-tsx" fixture

  Scenario: tsx named in import: is a glob to cucumber-js: the verdict warns that cucumber-js alone compiles nothing
    When I run "spec verify --gate none --json"
    Then the exit code is 0
    And the verdict has a "SPEC_PROFILE_TS_UNCOMPILED" warning saying "cucumber.mjs names TypeScript support files"
    When I run "spec verify --gate none"
    Then stdout contains "SPEC_PROFILE_TS_UNCOMPILED"

  Scenario Outline: A set-up that compiles TypeScript for cucumber-js gets no warning: <set-up>
    Given the file "cucumber.mjs" contains:
      """
      export default { <profile> };
      """
    And the file "tsx-register.mjs" contains:
      """
      import { register } from 'tsx/esm/api';
      register();
      """
    When I run "spec verify --gate none --json"
    Then the exit code is 0
    And the verdict has no "SPEC_PROFILE_TS_UNCOMPILED" warning

    Examples:
      | set-up                     | profile                                                                    |
      | a file that registers tsx  | import: ['./tsx-register.mjs', 'features/**/*.ts']                         |
      | a loader                   | loader: ['ts-node/esm'], import: ['features/**/*.ts']                      |
      | a TypeScript requireModule | requireModule: ['tsx/cjs'], require: ['features/**/*.ts']                  |

  Scenario: NODE_OPTIONS that import tsx compile for cucumber-js: no warning
    When I run "spec verify --gate none --json" with the environment:
      | NODE_OPTIONS | --import tsx |
    Then the exit code is 0
    And the verdict has no "SPEC_PROFILE_TS_UNCOMPILED" warning

  Scenario: NODE_OPTIONS set in the package's test script compile for cucumber-js there: no warning
    Given the file "package.json" contains:
      """
      { "name": "paint-shop", "private": true, "type": "module", "scripts": { "test": "NODE_OPTIONS='--import tsx' cucumber-js" } }
      """
    When I run "spec verify --gate none --json"
    Then the exit code is 0
    And the verdict has no "SPEC_PROFILE_TS_UNCOMPILED" warning

  Scenario Outline: tsx as cucumber's loader is refused by tsx 4, so cucumber-js fails: the verdict warns
    tsx 4 throws "tsx must be loaded with --import instead of --loader" when cucumber registers it
    through `loader:`, before any scenario runs; specloop drops the loader and compiles TypeScript
    itself, so its verdict would pass alone.
    Given the file "cucumber.mjs" contains:
      """
      export default { loader: ['<loader>'], import: ['features/**/*.ts'] };
      """
    When I run "spec verify --gate none --json"
    Then the exit code is 0
    And the verdict has a "SPEC_PROFILE_LOADER_REFUSED" warning saying "tsx must be loaded with --import"

    Examples:
      | loader  |
      | tsx     |
      | tsx/esm |
