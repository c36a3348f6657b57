Feature: --changed, --since and --shard say what they do together
  `--since REF` selects as `--changed` does, with the commits since REF too: it implies
  `--changed`, and --help says so. `--shard I/N` with `--changed` runs the Ith slice of the
  scenarios the changes reach: every shard of one checkout sees the same changes, so the slices
  together run the changed selection exactly once. `--print-config` names the cucumber profile
  in use when none was asked for: cucumber's "default".

  Background:
    Given the "cjs-bank" fixture

  Scenario: --help says --since implies --changed, and that --shard slices the --changed selection
    When I run "spec verify --help"
    Then the exit code is 0
    And stdout has these lines, each containing its cells in order:
      | --since REF | implies --changed |
    And stdout contains "--changed), balanced by the durations"

  Scenario: The shards of a --changed run together run what --changed runs, once each
    Given the project is a git repository with everything committed
    And I run "spec verify --gate none"
    And I append "// touched" to the file "app/catalog.js"
    When I run "spec verify --changed --format json:whole.json --gate none"
    And I run "spec verify --changed --shard 1/3 --format json:s1.json --gate none"
    And I run "spec verify --changed --shard 2/3 --format json:s2.json --gate none"
    And I run "spec verify --changed --shard 3/3 --format json:s3.json --gate none"
    Then the exit code is 0
    And the verdicts "s1.json", "s2.json" and "s3.json" hold every scenario of "whole.json" exactly once
    And the file "whole.json" is a verdict matching the schema that counts 2 passed and 0 failed scenarios

  Scenario: --print-config names cucumber's default profile when none was asked for
    When I run "spec verify --print-config"
    Then the exit code is 0
    And stdout has these lines, each containing its cells in order:
      | profile | default | cucumber.js profile "default" |
