Feature: A profile's TypeScript loader must still load the suite
  specloop leaves out the TypeScript loaders a cucumber profile names (ts-node/register, swc,
  esbuild-register) and compiles the steps itself. Those loaders decide more than the compiled
  code: ts-node type-checks every file it compiles (with strict defaults when there is no
  tsconfig.json, so no typecheck gate is detected), and any of them may pick another module format.
  A suite plain cucumber-js cannot even load must not pass under spec verify: the `cucumber-load`
  gate loads the support code as cucumber-js does, with the profile's loaders. Found by rebuilding
  mng-au/typescript-cucumber-coverage-example (a profile string with `--require-module
  ts-node/register`) from the code index.

  Background:
    # Outside the repository: ts-node looks for a tsconfig.json in every folder above the project.
    Given the "ts-node-untyped" fixture outside any node_modules

  Scenario: A type error ts-node reports fails the run, though specloop's own compile runs the scenarios
    Given I replace "const context: TestContext = { rocket: new Rocket() };" with "const context: TestContext = { rocket: new Rocket() }; const launches: number = 'none';" in the file "features/step_definitions/rocket.steps.ts"
    When I run "spec verify --json"
    Then the exit code is 1
    And the verdict counts 1 passed and 0 failed scenarios
    And the verdict has a gate "cucumber-load" with the status "failed"
    And stdout contains "error TS2322: Type 'string' is not assignable to type 'number'"

  Scenario: A suite cucumber-js loads with the profile's loader passes the gate
    Given the file "tsconfig.json" contains:
      """
      { "compilerOptions": { "module": "commonjs", "target": "ES2022", "strict": true, "types": ["node"] } }
      """
    When I run "spec verify --json"
    Then the exit code is 0
    And the verdict has a gate "cucumber-load" with the status "passed"
