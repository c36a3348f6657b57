import { Given } from '@cucumber/cucumber';

Given(
  /^a (.*?)(?: and a (.*?))?(?: and a (.*?))?$/,
  function (_vegetable1: string, _vegetable2: string | undefined, _vegetable3: string | undefined) {
    // no-op
  },
);
