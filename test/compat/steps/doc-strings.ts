import assert from 'node:assert';
import { Given } from '@cucumber/cucumber';

Given('a doc string:', function (docString: string) {
  assert.match(docString, /\S/);
});
