Feature: Several runs at once in one project
  An agent's hook, the agent itself and a person may run spec verify in the same project at the
  same time. What the runs leave in .spec/ (the scenario map, the coverage baseline, the import
  graph cache) is always written whole, and each run's part of the map is merged in under a lock,
  so no run loses another's.

  Background:
    Given the "todo" fixture
    And the file "features/counting.feature" contains:
      """
      Feature: Counting todos

        Scenario: Two todos are two
          Given an empty todo list
          When I add "buy milk"
          And I add "walk the dog"
          Then 2 todos remain
      """
    And the file "features/archive.feature" contains:
      """
      Feature: Finishing todos

        Scenario: A finished todo no longer counts
          Given an empty todo list
          When I add "buy milk"
          And I complete "buy milk"
          Then 0 todos remain
      """

  Scenario: Partial runs started together all land in the scenario map
    When I run these at the same time:
      | spec verify features/todo.feature --gate none     |
      | spec verify features/counting.feature --gate none |
      | spec verify features/archive.feature --gate none  |
      | spec verify features/planning.md --gate none      |
    Then every one of those runs exited with code 0
    And ".spec/scenario-map.json" is valid JSON listing exactly these scenarios:
      | features/todo.feature:4     |
      | features/todo.feature:8     |
      | features/todo.feature:18    |
      | features/counting.feature:3 |
      | features/archive.feature:3  |
      | features/planning.md:10     |
      | features/planning.md:22     |

  Scenario: Full runs with coverage started together leave files that parse
    When I run these at the same time:
      | spec verify --coverage --gate none |
      | spec verify --coverage --gate none |
      | spec verify --changed --gate none  |
    Then every one of those runs exited with code 0
    And ".spec/coverage-baseline.json" is valid JSON
    And ".spec/line-coverage.json" is valid JSON
    And ".spec/scenario-map.json" is valid JSON listing exactly these scenarios:
      | features/todo.feature:4     |
      | features/todo.feature:8     |
      | features/todo.feature:18    |
      | features/counting.feature:3 |
      | features/archive.feature:3  |
      | features/planning.md:10     |
      | features/planning.md:22     |
    And there is no file left in ".spec" whose name ends in ".lock"
