Feature: A cucumber config file that does not parse is named with its line
  A YAML or JSON cucumber config with a syntax error stops the run as bad input (exit 2), and the
  fix names the file and the line, whichever parser (and Node version) worded the error; the
  terminal shows its stable code, as the verdict does.

  Background:
    Given the "yaml-profiles" fixture

  Scenario: A YAML profile with an unclosed list
    Given the file "cucumber.yaml" contains:
      """
      default:
        import:
          - features/support/*.js
        paths: [features/**/*.feature
        tags: "not @wip"
      """
    When I run "spec verify --gate none"
    Then the exit code is 2
    And stdout contains "fix it in cucumber.yaml at line 5"
    And stdout contains " CONFIG   cucumber.yaml:5  (SPEC_PROFILE_REJECTED)"

  Scenario: A JSON profile with a trailing comma
    Given there is no file "cucumber.yaml"
    And the file "cucumber.json" contains:
      """
      {
        "default": {
          "import": ["features/support/*.js", "features/steps/*.mjs", "features/steps/*.steps.js"],
          "tags": "not @wip",
        }
      }
      """
    When I run "spec verify --gate none"
    Then the exit code is 2
    And stdout contains "cucumber.json:5"
    And stdout contains "fix it in cucumber.json at line 5"
    And stdout contains "(SPEC_PROFILE_REJECTED)"
