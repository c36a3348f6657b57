Feature: spec init --agent registers the MCP server and the hooks where each agent reads them
  Each agent reads its MCP servers from its own project file: Claude Code from `.mcp.json`,
  Cursor from `.cursor/mcp.json`, Codex from `.codex/config.toml` (`[mcp_servers.NAME]`, read
  once the project is trusted). init adds a `specloop` server that runs `npx --no-install spec
  mcp` beside what is there: other servers, settings and comments stay as they were, an entry
  the person changed is left alone, and a file it cannot read is named and not touched.

  Scenario: Codex gets its hooks and the MCP server beside the project's own Codex settings
    Given the "codex-project" fixture
    And the project is a git repository with everything committed
    And I note the contents of every file in the project
    When I run "spec init --agent codex"
    Then the exit code is 0
    And the only files added or changed in the project are:
      | AGENTS.md          |
      | .codex/hooks.json  |
      | .codex/config.toml |
    And stdout contains "updated .codex/config.toml"
    And the file ".codex/config.toml" contains "# Team settings for Codex in this repository"
    And the file ".codex/config.toml" contains "network_access = false # the invoicing tests never need the network"
    And the TOML file ".codex/config.toml" has "mcp_servers.docs.args" equal to:

      ```json
      ["-y", "@acme/docs-mcp"]
      ```

    And the TOML file ".codex/config.toml" has "mcp_servers.specloop" equal to:

      ```json
      { "command": "npx", "args": ["--no-install", "spec", "mcp"] }
      ```

    And the JSON file ".codex/hooks.json" has "hooks.PostToolUse.0.hooks.0.command" equal to:

      ```json
      "npx --no-install prettier --write --ignore-unknown ."
      ```

    And the file ".codex/hooks.json" contains "spec hook codex edit"
    And the file ".codex/hooks.json" contains "spec hook codex stop"
    And the file "AGENTS.md" contains "Amounts are integer cents"
    And the file "AGENTS.md" contains "MCP server"
    And I note the contents of every file in the project
    When I run "spec init --agent codex"
    Then the exit code is 0
    And no file in the project has changed
    And stdout contains "kept    .codex/config.toml"

  Scenario: Claude Code and Cursor get the server in their own mcp.json, beside the servers there
    Given an empty project directory
    And the file ".mcp.json" contains:

      ```json
      {
        "mcpServers": {
          "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"] }
        }
      }
      ```

    When I run "spec init --agent claude"
    Then the exit code is 0
    And stdout contains "updated .mcp.json"
    And the JSON file ".mcp.json" has "mcpServers" equal to:

      ```json
      {
        "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"] },
        "specloop": { "command": "npx", "args": ["--no-install", "spec", "mcp"] }
      }
      ```

    And the file "CLAUDE.md" contains "MCP server"
    When I run "spec init --agent cursor"
    Then the exit code is 0
    And stdout contains "created .cursor/mcp.json"
    And the JSON file ".cursor/mcp.json" has "mcpServers.specloop" equal to:

      ```json
      { "command": "npx", "args": ["--no-install", "spec", "mcp"] }
      ```

  Scenario: A specloop server the person changed is left as it is, and init says so
    Given an empty project directory
    And the file ".cursor/mcp.json" contains:

      ```json
      { "mcpServers": { "specloop": { "command": "node", "args": ["node_modules/specloop/bin/spec.js", "mcp"] } } }
      ```

    And the file ".codex/config.toml" contains:

      ```toml
      [mcp_servers.specloop]
      command = "pnpm"
      args = ["exec", "spec", "mcp"]
      ```

    And I note the contents of every file in the project
    When I run "spec init --agent cursor"
    Then the exit code is 0
    And the file ".cursor/mcp.json" is byte-identical to what it was
    And stdout contains ".cursor/mcp.json already has a specloop server of its own"
    When I run "spec init --agent codex"
    Then the exit code is 0
    And the file ".codex/config.toml" is byte-identical to what it was
    And stdout contains ".codex/config.toml already has a specloop server of its own"

  Scenario: An MCP config that is not valid is named with its line and left alone
    Given an empty project directory
    And the file ".codex/config.toml" contains:

      ```toml
      model = "gpt-5.5-codex"
      [mcp_servers.docs
      command = "npx"
      ```

    And the file ".mcp.json" contains:

      ```json
      { "mcpServers": { "github": { "command": "npx", } }
      ```

    And I note the contents of every file in the project
    When I run "spec init --agent codex"
    Then the exit code is 2
    And the file ".codex/config.toml" is byte-identical to what it was
    And stderr contains "not done .codex/config.toml: not valid TOML (line 2"
    And stderr contains "SPEC_INIT_SETTINGS"
    And stderr contains "fix it, then run spec init --agent codex again"
    When I run "spec init --agent claude"
    Then the exit code is 2
    And the file ".mcp.json" is byte-identical to what it was
    And stderr contains "not done .mcp.json: not valid JSON"
    And stderr contains "line 1"

  Scenario: An mcpServers that is not an object is not replaced
    Given an empty project directory
    And the file ".mcp.json" contains:

      ```json
      { "mcpServers": ["github"] }
      ```

    And I note the contents of every file in the project
    When I run "spec init --agent claude"
    Then the exit code is 2
    And the file ".mcp.json" is byte-identical to what it was
    And stderr contains "\"mcpServers\" is not an object"

  Scenario Outline: The agent's instructions name the project's own step language and step folder
    The instructions tell the agent where an undefined step's snippet goes: the language and the
    folder of the step definitions this project already has, as the verdict's snippets do.
    Given the "<fixture>" fixture
    When I run "spec init --agent claude"
    Then the exit code is 0
    And the file "CLAUDE.md" contains "An undefined step comes with a <language> snippet to paste into a step file under `<folder>`"
    And the file "CLAUDE.md" does not contain "<other> snippet"

    Examples:
      | fixture       | language   | folder                     | other      |
      | cjs-bank      | JavaScript | test/support/steps/        | TypeScript |
      | codex-project | TypeScript | features/step_definitions/ | JavaScript |
