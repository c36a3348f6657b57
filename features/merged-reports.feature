Feature: Merged reports: one JUnit file, message stream and HTML page for a sharded run
  Each `spec verify --shard I/N` job writes cucumber's message stream of its own run;
  `spec merge --messages FILE…` joins the streams into the one run a single machine would have
  recorded, and draws the JUnit file, the stream and the HTML page from it, as verify does. Streams
  are paired with shards by the scenarios they ran, not by their paths, which CI changes when it
  downloads them. A stream missing, foreign to the shards, or not NDJSON is refused, naming it.

  Background:
    # One spec file of three scenarios: every shard runs a part of it, with its own generated ids.
    Given the "ci-invoices" fixture
    When I run "spec verify --gate none --shard 1/3 --format json:shards/verdict-1.json --format messages:shards/messages-1.ndjson"
    And I run "spec verify --gate none --shard 2/3 --format json:shards/verdict-2.json --format messages:shards/messages-2.ndjson"
    And I run "spec verify --gate none --shard 3/3 --format json:shards/verdict-3.json --format messages:shards/messages-3.ndjson"

  Scenario: The merged reports hold the same test cases as the unsharded run's, read back by their own tools
    When I run "spec verify --gate none --format junit:whole.xml"
    Then the exit code is 1
    When I run "spec merge shards/verdict-1.json shards/verdict-2.json shards/verdict-3.json --messages 'shards/messages-*.ndjson' --format junit:merged/junit.xml --format messages:merged/run.ndjson --format html:merged/report.html"
    Then the exit code is 1
    And the JUnit files "merged/junit.xml" and "whole.xml" have the same test cases, statuses and failure messages
    And the file "merged/run.ndjson" is one cucumber run whose every reference resolves
    And the file "merged/run.ndjson" is a cucumber message stream of 3 test cases, 1 of them failed
    And cucumber's JUnit formatter fed "merged/run.ndjson" reports 3 test cases, 1 of them failed
    And the file "merged/report.html" renders in headless Chromium without console errors, showing "VAT is rounded half up"

  Scenario: A shard whose stream is not given is named, and nothing is written
    When I run "spec merge shards/verdict-1.json shards/verdict-2.json shards/verdict-3.json --messages shards/messages-1.ndjson --messages shards/messages-3.ndjson --format junit:merged/junit.xml"
    Then the exit code is 2
    And stderr contains "SPEC_MERGE_MESSAGES_MISSING"
    And stderr contains "shard 2/3 has no message stream"
    And the file "merged/junit.xml" does not exist

  Scenario: A stream of another run is refused: it ran scenarios no shard was given
    When I run "spec verify --gate none --format messages:whole.ndjson"
    And I run "spec merge shards/verdict-1.json shards/verdict-2.json shards/verdict-3.json --messages shards/messages-1.ndjson --messages whole.ndjson --messages shards/messages-3.ndjson --format junit:merged/junit.xml"
    Then the exit code is 2
    And stderr contains "SPEC_MERGE_MESSAGES_FOREIGN"
    And stderr contains "whole.ndjson ran 3 scenarios that are not the ones of any shard given"
    And the output has no stack trace

  Scenario: A file that is not NDJSON is named with its line
    Given the file "shards/messages-2.ndjson" contains:
      """
      {"meta":{"protocolVersion":"32.2.0"}}
      <testsuite name="not a stream"/>
      """
    When I run "spec merge shards/verdict-1.json shards/verdict-2.json shards/verdict-3.json --messages 'shards/messages-*.ndjson' --format junit:merged/junit.xml"
    Then the exit code is 2
    And stderr contains "SPEC_MERGE_MESSAGES_INPUT"
    And stderr contains "shards/messages-2.ndjson:2 is not a cucumber message"
    And the output has no stack trace

  Scenario: Without streams, merge asked for a report drawn from them says where to get them
    When I run "spec merge shards/verdict-1.json shards/verdict-2.json shards/verdict-3.json --format junit:merged/junit.xml"
    Then the exit code is 2
    And stderr contains "SPEC_USAGE"
    And stderr contains "--messages"
