Feature: Shopping cart
  The cart keeps what a customer picked and adds it up.

  Background:
    Given an empty cart

  Scenario: An empty cart costs nothing
    Then the cart holds 0 items
    And the total is 0.00

  Scenario: Adding the same item twice merges the lines
    When I add 2 of "apple" at 0.50
    And I add 1 of "apple" at 0.50
    Then the cart holds 3 items
    And the total is 1.50

  Scenario: Several items
    When I add these items:
      | sku    | price | quantity |
      | book   | 12.00 | 1        |
      | pencil | 0.80  | 5        |
    Then the total is 16.00

  @validation
  Scenario Outline: Quantities must be positive whole numbers
    When I try to add <quantity> of "pen" at 1.00
    Then I am told "quantity must be a positive whole number"

    Examples:
      | quantity |
      | 0        |
      | -1       |
