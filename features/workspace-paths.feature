Feature: Paths and workspace roots in an npm workspaces monorepo
  Under `npx` (npm exec) in a workspace package, npm runs spec with the package as its folder and
  puts the folder the person stood in into INIT_CWD: the paths they type are from there. Under
  `npm run`/`npm test` the paths in package.json scripts are the package's, not INIT_CWD's. At a
  workspace root, a spec inside a package with its own config runs in that package, with its
  config, and the root's messages point at the packages. Found by the new-user trial (trial 10,
  items 4, 5 and 8).

  Scenario: npx from a subfolder of a workspace package takes paths from where the person stood
    Given the "notes-workspaces" fixture
    When I run "spec verify pricing.feature:2 --gate none" in the folder "packages/api" with the environment:
      | npm_command | exec                            |
      | INIT_CWD    | <project>/packages/api/features |
    Then the exit code is 0
    And the output contains "1 passed"
    When I run "spec verify ../features/pricing.feature --gate none" in the folder "packages/api" with the environment:
      | npm_command | exec                         |
      | INIT_CWD    | <project>/packages/api/steps |
    Then the exit code is 0
    And the output contains "1 passed"
    When I run "spec steps ../features/pricing.feature --undefined" in the folder "packages/api" with the environment:
      | npm_command | exec                         |
      | INIT_CWD    | <project>/packages/api/steps |
    Then the exit code is 0
    When I run "spec verify --cwd .. --gate none" in the folder "packages/api" with the environment:
      | npm_command | exec                            |
      | INIT_CWD    | <project>/packages/api/features |
    Then the exit code is 0
    And the output contains "1 passed"

  Scenario: npm run takes a script's paths from the package, whatever INIT_CWD says
    Given the "notes-workspaces" fixture
    When I run "spec verify features/pricing.feature --gate none" in the folder "packages/api" with the environment:
      | npm_command | run-script                      |
      | INIT_CWD    | <project>/packages/api/features |
    Then the exit code is 0
    And the output contains "1 passed"

  Scenario: A spec path inside a package runs in that package, with its config
    Given the "notes-workspaces" fixture
    When I run "spec verify packages/api/features/pricing.feature --gate none --reporter agent"
    Then the exit code is 0
    And the output contains "1 passed"
    And the output does not contain "SPEC_UNDEFINED"
    When I run "spec steps packages/api/features/pricing.feature --undefined"
    Then the exit code is 0
    And stderr contains "ran there with its config, as spec steps --cwd packages/api features/pricing.feature would"
    When I replace "i.qty > 0" with "i.qty > 2" in the file "packages/api/src/pricing.js"
    And I run "spec verify packages/api/features/pricing.feature:2 --gate none --reporter agent"
    Then the exit code is 1
    And the output contains "features/pricing.feature:2"
    And the output does not contain "SPEC_UNDEFINED"

  Scenario: Spec paths in two packages at once are bad input that names each package's command
    Given the "notes-workspaces" fixture
    And the file "packages/web/cucumber.mjs" contains:
      """
      export default { import: ['steps/**/*.js'], paths: ['features/**/*.feature'] };
      """
    And the file "packages/web/features/app.feature" contains:
      """
      Feature: App
        Scenario: opens
          Given the app
      """
    When I run "spec verify packages/api/features/pricing.feature packages/web/features/app.feature --gate none"
    Then the exit code is 2
    And the output contains "SPEC_USAGE"
    And the output contains "spec verify --cwd packages/api features/pricing.feature"
    And the output contains "spec verify --cwd packages/web features/app.feature"

  Scenario: spec init in a workspace package finds specloop installed at the workspace root
    Given the "notes-workspaces" fixture
    And specloop is installed in the project's node_modules
    When I run "spec init --agent claude" in the folder "packages/api"
    Then the exit code is 0
    And the output does not contain "not on the npm registry"

  Scenario: At a workspace root with no specs of its own, each command points at the packages
    Given the "notes-workspaces" fixture
    And the file "package.json" contains:
      """
      {
        "name": "notes-mono",
        "private": true,
        "workspaces": ["packages/*"],
        "scripts": { "test": "npm test -w packages/api", "typecheck": "tsc -b" },
        "devDependencies": { "typescript": "^5.9.0" }
      }
      """
    When I run "spec verify"
    Then the exit code is 2
    And the output contains "SPEC_NO_SPECS"
    And the output does not contain "SPEC_GATE_MISSING"
    When I run "spec debt"
    Then the output contains "--cwd packages/api"
    When I run "spec watch"
    Then the exit code is 2
    And the output contains "SPEC_NO_SPECS"
    And the output contains "--cwd packages/api"

  Scenario: spec init --agent at a workspace root registers one MCP server per package
    The root's own server would find no spec: each package's server serves its suite, and the
    instructions name them. A root server an older init registered is named, not removed.

    Given the "notes-workspaces" fixture
    And the file ".mcp.json" contains:
      """
      { "mcpServers": { "specloop": { "command": "npx", "args": ["--no-install", "spec", "mcp"] } } }
      """
    When I run "spec init --agent claude"
    Then the exit code is 0
    And the JSON file ".mcp.json" has "mcpServers" equal to:
      """
      {
        "specloop": { "command": "npx", "args": ["--no-install", "spec", "mcp"] },
        "specloop-api": { "command": "npx", "args": ["--no-install", "spec", "mcp", "--cwd", "packages/api"] }
      }
      """
    And the output contains ".mcp.json also registers the specloop server at this workspace root, where it finds no spec: remove it"
    And the file "CLAUDE.md" contains "`specloop-api` for `packages/api`"
    And the file "CLAUDE.md" does not contain "`specloop` MCP server"
    When I run "spec init --agent codex"
    Then the exit code is 0
    And the TOML file ".codex/config.toml" has "mcp_servers" equal to:
      """
      { "specloop-api": { "command": "npx", "args": ["--no-install", "spec", "mcp", "--cwd", "packages/api"] } }
      """
    When I run "spec mcp --cwd packages/api --help"
    Then the exit code is 0
