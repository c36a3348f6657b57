Feature: Shards across machines, one merged verdict
  A suite that outgrows one machine runs as N CI jobs, each `spec verify --shard I/N` writing its
  verdict; `spec merge` joins them into the one verdict a single machine would have given. Every
  scenario runs in exactly one shard, every machine computes the same slices from the same
  checkout, and a merge that lacks a shard, or has one twice, says which instead of reading better
  than the truth.

  Background:
    Given the "parcel-shards" fixture

  Scenario: Three shards cover the suite exactly once and merge into the unsharded verdict
    When I run "spec verify --gate none --format json:whole.json"
    Then the exit code is 1
    When I run "spec verify --gate none --shard 1/3 --format json:shards/1.json"
    And I run "spec verify --gate none --shard 2/3 --format json:shards/2.json"
    And I run "spec verify --gate none --shard 3/3 --format json:shards/3.json"
    Then the verdicts "shards/1.json", "shards/2.json" and "shards/3.json" hold every scenario of "whole.json" exactly once
    When I run "spec merge shards/1.json shards/2.json shards/3.json --format json:merged.json"
    Then the exit code is 1
    And the file "merged.json" is a verdict matching the schema that counts 8 passed and 1 failed scenarios
    And the verdict in "merged.json" has the same counts, statuses and failures as "whole.json"

  Scenario: Slices are the same on every machine: computed again from the same checkout, a shard runs the same scenarios
    When I run "spec verify --gate none --shard 2/3 --format json:first.json"
    Then the exit code is 1
    When I run "spec verify --gate none --shard 2/3 --format json:again.json"
    Then the exit code is 1
    Then the verdicts "first.json" and "again.json" ran the same scenarios

  Scenario: Slices follow the recorded durations, and a shard keeps what earlier runs recorded about other shards' scenarios
    When I run "spec verify --gate none"
    Then the exit code is 1
    Given the file ".spec/durations.json" contains:
      """
      {"version": 1, "scenarios": {"features/returns.feature:9": 500, "features/pricing.feature:10": 1, "features/tracking.feature:4": 1}}
      """
    When I run "spec verify --gate none --shard 2/3 --json"
    Then the exit code is 1
    And the verdict ran exactly these scenarios:
      | features/returns.feature:9 |
    And ".spec/scenario-map.json" is valid JSON listing exactly these scenarios:
      | features/pricing.feature:10  |
      | features/pricing.feature:11  |
      | features/pricing.feature:12  |
      | features/returns.feature:4   |
      | features/returns.feature:9   |
      | features/returns.feature:14  |
      | features/tracking.feature:4  |
      | features/tracking.feature:8  |
      | features/tracking.feature:14 |

  Scenario: A shard given no scenario says so and passes; the merge judges the whole
    When I run "spec verify --gate none --shard 10/12 --json"
    Then the exit code is 0
    And the verdict has a "SPEC_SHARD_EMPTY" warning saying "shard 10/12 was given no scenario"

  Scenario: A missing shard is an error naming it
    When I run "spec verify --gate none --shard 1/3 --format json:shards/1.json"
    And I run "spec verify --gate none --shard 3/3 --format json:shards/3.json"
    And I run "spec merge shards/1.json shards/3.json"
    Then the exit code is 2
    And stderr contains "shard 2/3 missing: no verdict with shard 2/3 among the files given"
    And stderr contains "SPEC_MERGE_SHARD_MISSING"

  Scenario: A shard given twice is an error naming it and both files
    When I run "spec verify --gate none --shard 1/2 --format json:shards/1.json"
    And I run "spec verify --gate none --shard 2/2 --format json:shards/2.json"
    And I run "spec merge shards/1.json shards/2.json shards/1.json"
    Then the exit code is 2
    And stderr contains "shard 1/2 given twice"
    And stderr contains "SPEC_MERGE_SHARD_DUPLICATE"

  Scenario: Shards of different totals, or a file that is not a shard verdict, are refused
    When I run "spec verify --gate none --shard 1/2 --format json:shards/1-of-2.json"
    And I run "spec verify --gate none --shard 2/3 --format json:shards/2-of-3.json"
    And I run "spec merge shards/1-of-2.json shards/2-of-3.json"
    Then the exit code is 2
    And stderr contains "SPEC_MERGE_SHARD_TOTALS"
    When I run "spec merge shards/1-of-2.json package.json"
    Then the exit code is 2
    And stderr contains "package.json is not a verdict"
    And stderr contains "SPEC_MERGE_INPUT"

  Scenario Outline: A bad --shard is refused before anything runs: <shard>
    When I run "spec verify --gate none --shard <shard>"
    Then the exit code is 2
    And stderr contains "--shard <shard> <why>"
    And stderr contains "SPEC_SHARD_INVALID"
    And the output has no stack trace

    Examples:
      | shard | why                        |
      | 0/3   | counts from 1              |
      | 4/3   | names slice 4 of only 3    |
      | a/b   | is not I/N                 |
      | 1/0   | has no slices              |

  Scenario: A shard loads only the step files its scenarios bind, plus every file that acts when it loads, and judges as the whole run
    Given the "shop-shards" fixture
    When I run "spec verify --gate none --format json:whole.json"
    Then the exit code is 1
    # Slices by counts: four scenarios each (cart, payment, shipping).
    Given there is no file ".spec/durations.json"
    When I run "spec verify --gate none --shard 1/3 --format json:shards/1.json --format messages:shards/1.ndjson"
    Then the exit code is 0
    # The cart's scenarios bind only cart.steps.js; shipping.steps.js sets the shop's currency when it loads, so it loads too.
    And the message stream "shards/1.ndjson" defines steps from exactly these files:
      | steps/cart.steps.js     |
      | steps/shipping.steps.js |
    When I run "spec verify --gate none --shard 2/3 --format json:shards/2.json --format messages:shards/2.ndjson"
    Then the exit code is 1
    And the message stream "shards/2.ndjson" defines steps from exactly these files:
      | steps/payment.steps.js  |
      | steps/shipping.steps.js |
    When I run "spec verify --gate none --shard 3/3 --format json:shards/3.json"
    Then the exit code is 0
    When I run "spec merge shards/1.json shards/2.json shards/3.json --format json:merged.json"
    Then the exit code is 1
    And the verdict in "merged.json" has the same counts, statuses and failures as "whole.json"

  Scenario: With no scenario map, or a spec or step file changed since the map was recorded, a shard loads every step file
    Given the "shop-shards" fixture
    When I run "spec verify --gate none --shard 1/3 --format messages:first.ndjson"
    Then the exit code is 0
    And the message stream "first.ndjson" defines steps from exactly these files:
      | steps/cart.steps.js     |
      | steps/payment.steps.js  |
      | steps/shipping.steps.js |
    When I run "spec verify --gate none"
    Then the exit code is 1
    Given there is no file ".spec/durations.json"
    And I append "Then('the card is charged', function () {});" to the file "steps/payment.steps.js"
    When I run "spec verify --gate none --shard 1/3 --format messages:changed.ndjson"
    Then the exit code is 0
    And the message stream "changed.ndjson" defines steps from exactly these files:
      | steps/cart.steps.js     |
      | steps/payment.steps.js  |
      | steps/shipping.steps.js |

  Scenario: A spec edited since the last shard listed it is listed afresh: the new example runs in a shard
    When I run "spec verify --gate none --shard 1/2 --format json:before-1.json"
    Then the exit code is 1
    When I run "spec verify --gate none --shard 2/2 --format json:before-2.json"
    Then the exit code is 0
    Given the file "features/pricing.feature" contains:
      """
      Feature: Pricing
        The price depends on the zone and on every started kilo past the first.

        Scenario Outline: A parcel to the <zone> zone
          When I price a parcel of <grams> grams to the <zone> zone
          Then the price is <cents> cents

          Examples:
            | grams | zone     | cents |
            | 800   | domestic | 450   |
            | 2500  | europe   | 1750  |
            | 1000  | world    | 2900  |
            | 3000  | domestic | 630   |
      """
    When I run "spec verify --gate none --shard 1/1 --json"
    Then the exit code is 1
    And the verdict ran exactly these scenarios:
      | features/pricing.feature:10  |
      | features/pricing.feature:11  |
      | features/pricing.feature:12  |
      | features/pricing.feature:13  |
      | features/returns.feature:4   |
      | features/returns.feature:9   |
      | features/returns.feature:14  |
      | features/tracking.feature:4  |
      | features/tracking.feature:8  |
      | features/tracking.feature:14 |
