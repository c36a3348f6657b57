Feature: A .spec specloop cannot keep its records in is bad input, named with its fix
  specloop writes its records (compiled Markdown specs, run history, the scenario map, the ack) in
  the project's `.spec/` folder. When `.spec` is a file, or a record's place inside is taken by a
  folder, every command says so before it starts (exit 2, SPEC_DIR_UNUSABLE), naming the path and
  the fix, rather than failing with a stack trace or running and silently keeping no records.

  Scenario Outline: .spec is a file: spec <command> says so and how to fix it
    Given the "acked-api" fixture
    And the file ".spec" contains:
      """
      x
      """
    When I run "spec <command>"
    Then the exit code is 2
    And the output contains ".spec is a file, not a folder"
    And the output contains "SPEC_DIR_UNUSABLE"
    And the output contains "mv .spec .spec.bak"
    And the output has no stack trace

    Examples:
      | command            |
      | verify --gate none |
      | ack                |
      | debt               |
      | watch              |

  Scenario: A folder where the run history goes: the run stops before losing the record
    Given the "cjs-bank" fixture
    And the file ".spec/history.jsonl/keep" contains:
      """
      x
      """
    When I run "spec verify --gate none"
    Then the exit code is 2
    And the output contains ".spec/history.jsonl is a folder"
    And the output contains "SPEC_DIR_UNUSABLE"
    And the output has no stack trace
