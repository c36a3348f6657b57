Feature: A suite whose only cucumber config is an npm script's command line
  Real projects often keep no cucumber config at all: the npm script names the paths and the
  support code (`cucumber-js bdd/features --require bdd/steps`). spec reads config files, not npm
  scripts, so such a suite is not found by `spec verify`. `spec init` must not claim that verify
  runs it, and verify's SPEC_NO_SPECS must say where the specs are and what to write so it finds
  them, rather than send the person to write a first spec under features/. Found by rebuilding
  apiaddicts/todo-testing (a REST API's suite) from the code index.

  Scenario: init names what the script passes to cucumber-js instead of claiming verify runs it
    Given the "script-paths" fixture
    When I run "spec init"
    Then the exit code is 0
    And the output contains "found an existing suite: the \"bdd\" script of package.json (cucumber-js)"
    And the output does not contain "runs this project's own suite"
    And the output contains "the \"bdd\" script of package.json passes bdd/features, --require bdd/steps to cucumber-js on its command line, which spec does not read"
    And the output contains "{ \"specs\": [\"bdd/features/**/*.feature\"], \"steps\": [\"bdd/steps/**/*.{ts,mts,cts,js,mjs,cjs}\"] }"

  Scenario: verify's no-specs error points at the script's paths, and the config it advises runs the suite
    Given the "script-paths" fixture
    When I run "spec verify --gate none"
    Then the exit code is 2
    And the output contains "SPEC_NO_SPECS"
    And the output contains "the \"bdd\" script of package.json passes bdd/features, --require bdd/steps to cucumber-js on its command line"
    And the output contains "{ \"specs\": [\"bdd/features/**/*.feature\"], \"steps\": [\"bdd/steps/**/*.{ts,mts,cts,js,mjs,cjs}\"] }"
    Given the file "spec.config.json" contains:
      """
      { "specs": ["bdd/features/**/*.feature"], "steps": ["bdd/steps/**/*.{ts,mts,cts,js,mjs,cjs}"] }
      """
    When I run "spec verify --gate none"
    Then the exit code is 0
    And the last line of stdout is "spec: 2 passed, 0 failed"
