Feature: The MCP server (spec mcp)
  An agent that speaks the Model Context Protocol starts `spec mcp` and talks JSON-RPC over its
  stdin and stdout. stdout carries nothing but the protocol, and closing stdin ends the server.

  Scenario: A client's opening is answered on stdout, and closing stdin ends the server
    Given the "todo" fixture
    When I run "spec mcp" with this on stdin:
      """
      {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"acceptance","version":"1"}}}
      {"jsonrpc":"2.0","method":"notifications/initialized"}
      """
    Then the exit code is 0
    And the command finished within 10 seconds
    And stdout contains "\"serverInfo\":{\"name\":\"specloop\""
    And stdout contains "\"capabilities\":{\"tools\""
    And stdout has nothing but JSON-RPC messages

  Scenario: Outside any project the server does not start, and says why
    Given an empty folder outside any project
    When I run "spec mcp"
    Then the exit code is 2
    And stderr contains "SPEC_PROJECT_NOT_FOUND"
    And stdout is empty

  Scenario: An option spec mcp does not take is a usage error
    Given the "todo" fixture
    When I run "spec mcp --watch"
    Then the exit code is 2
    And stderr contains "SPEC_USAGE"
    And stdout is empty
