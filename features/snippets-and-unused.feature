Feature: Snippets and unused steps as the project's own cucumber config has them
  An undefined step's snippet follows the profile's snippetInterface (or its own snippetSyntax)
  and says where this project keeps its step files. Unused step definitions are listed also when
  the profile's tags narrow the run: they are judged against every scenario in the specs.

  Scenario: The hint names the folder this project's step files are in (tests/steps/)
    Given the "ts-node" fixture
    And the file "tests/features/subtract.feature" contains:
      """
      Feature: Subtracting

        Scenario: Taking two from five
          Given a calculator
          When I subtract 2 from 5
      """
    When I run "spec verify --gate none --json"
    Then the exit code is 1
    And the verdict has an "undefined" failure at "tests/features/subtract.feature:5"
    And that failure's hint contains "this project's are in tests/steps/"
    And that failure's snippet contains "When('I subtract {int} from {int}', function (int: number, int2: number) {"

  Scenario: The hint names features/step_definitions/ in a project that keeps them there
    Given the "world-file" fixture
    And I append "    And I pay with a voucher" to the file "features/checkout.feature"
    When I run "spec verify --gate none --json"
    Then the exit code is 1
    And the verdict has an "undefined" failure at "features/checkout.feature:8"
    And that failure's hint contains "this project's are in features/step_definitions/"

  Scenario Outline: The snippet follows the profile's snippetInterface: <interface>
    The legacy-profile fixture's step files are JavaScript, so its snippets are JavaScript too.
    Given the "legacy-profile" fixture
    And the file "cucumber.js" contains:
      """
      module.exports = {
        default: { require: ['features/step_definitions/**/*.js'], formatOptions: { snippetInterface: '<interface>' } },
      };
      """
    And the file "features/waving.feature" contains:
      """
      Feature: Waving

        Scenario: Waving at someone
          When I wave at "Ada"
      """
    When I run "spec verify --gate none --json"
    Then the exit code is 1
    And the verdict has an "undefined" failure at "features/waving.feature:4"
    And that failure's snippet contains "<signature>"
    And that failure's snippet contains "<body>"

    Examples:
      | interface   | signature                                              | body                               |
      | synchronous | When('I wave at {string}', function (string) {         | return 'pending';                  |
      | async-await | When('I wave at {string}', async function (string) {   | return 'pending';                  |
      | promise     | When('I wave at {string}', function (string) {         | return Promise.resolve('pending'); |
      | callback    | When('I wave at {string}', function (string, callback) { | callback(null, 'pending');         |

  Scenario: A snippetInterface in a profile string is honoured too
    Given the "legacy-profile" fixture
    And the file "cucumber.js" contains:
      """
      module.exports = { default: `--require features/step_definitions/**/*.js --format-options '{"snippetInterface":"async-await"}'` };
      """
    And the file "features/waving.feature" contains:
      """
      Feature: Waving

        Scenario: Waving at someone
          When I wave at "Ada"
      """
    When I run "spec verify --gate none --json"
    Then the exit code is 1
    And the verdict has an "undefined" failure at "features/waving.feature:4"
    And that failure's snippet contains "async function (string) {"

  Scenario: The profile's own snippetSyntax writes the snippet
    Given the "legacy-profile" fixture
    And the file "cucumber.js" contains:
      """
      module.exports = {
        default: { require: ['features/step_definitions/**/*.js'], formatOptions: { snippetSyntax: './house-snippets.js' } },
      };
      """
    And the file "house-snippets.js" contains:
      """
      module.exports = class HouseSnippets {
        build({ generatedExpressions, functionName }) {
          return `${functionName}('${generatedExpressions[0].source}', async (world) => { /* house style */ });`;
        }
      };
      """
    And the file "features/waving.feature" contains:
      """
      Feature: Waving

        Scenario: Waving at someone
          When I wave at "Ada"
      """
    When I run "spec verify --gate none --json"
    Then the exit code is 1
    And the verdict has an "undefined" failure at "features/waving.feature:4"
    And that failure's snippet is "When('I wave at {string}', async (world) => { /* house style */ });"

  Scenario: Unused steps are listed under the profile's tags, judged against every scenario
    Given the "legacy-profile" fixture
    And the file "cucumber.js" contains:
      """
      module.exports = { default: { require: ['features/step_definitions/**/*.js'], tags: '@smoke' } };
      """
    And the file "features/greeting.feature" contains:
      """
      Feature: Greeting

        @smoke
        Scenario: Greeting someone by name
          When I greet "Ada"
          Then I hear "Hello, Ada!"

        Scenario: Waving goodbye
          When I wave goodbye
      """
    And I append "When('I wave goodbye', function () {});" to the file "features/step_definitions/greeter.steps.js"
    And I append "Then('nobody answers', function () {});" to the file "features/step_definitions/greeter.steps.js"
    When I run "spec verify --gate none --json"
    Then the exit code is 0
    And the verdict ran exactly these scenarios:
      | features/greeting.feature:4 |
    And the verdict lists the unused step "nobody answers" at "features/step_definitions/greeter.steps.js:13"
    And the verdict does not list the unused step "I wave goodbye"
    And the verdict says unused steps were "judged against every scenario in the specs, also those the configured tags @smoke leave out"
    When I run "spec verify --gate none"
    Then the exit code is 0
    And stdout contains "judged against every scenario in the specs, also those the configured tags @smoke leave out"

  Scenario: A filter given on the command line leaves unused steps unjudged, and says so
    Given the "legacy-profile" fixture
    And the file "cucumber.js" contains:
      """
      module.exports = { default: { require: ['features/step_definitions/**/*.js'] } };
      """
    And I append "Then('nobody answers', function () {});" to the file "features/step_definitions/greeter.steps.js"
    When I run "spec verify features/greeting.feature:3 --gate none --json"
    Then the exit code is 0
    And the verdict lists no unused steps
    And the verdict says unused steps were "not judged: this run was narrowed"
