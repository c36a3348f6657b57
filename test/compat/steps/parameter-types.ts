import assert from 'node:assert';
import { Given, defineParameterType } from '@cucumber/cucumber';

class Flight {
  constructor(
    public readonly from: string,
    public readonly to: string,
  ) {}
}

defineParameterType({
  name: 'flight',
  regexp: /([A-Z]{3})-([A-Z]{3})/,
  transformer(from: string, to: string) {
    return new Flight(from, to);
  },
});

Given('{flight} has been delayed', function (flight: Flight) {
  assert.ok(flight instanceof Flight);
  assert.strictEqual(flight.from, 'LHR');
  assert.strictEqual(flight.to, 'CDG');
});
