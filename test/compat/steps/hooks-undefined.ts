import { After, Before } from '@cucumber/cucumber';

// "a step does not exist" is deliberately left undefined.

Before(function () {
  // no-op
});

After(function () {
  // no-op
});
