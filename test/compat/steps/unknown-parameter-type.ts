import { Given } from '@cucumber/cucumber';

// {airport} is never defined as a parameter type, so this definition is not registered
// and the step stays undefined.
Given('{airport} is closed because of a strike', function (_airport: unknown) {
  throw new Error('Should not be called because airport parameter type has not been defined');
});
