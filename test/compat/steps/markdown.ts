import assert from 'node:assert';
import { Given, Then, When, type DataTable, type IWorld } from '@cucumber/cucumber';

Given('some TypeScript code:', function (code: string) {
  assert.ok(code);
});

Given('some classic Gherkin:', function (gherkin: string) {
  assert.ok(gherkin);
});

When(
  'we use a data table and attach something and then {word}',
  async function (this: IWorld, word: string, dataTable: DataTable) {
    assert.ok(dataTable);
    this.log(`We are logging some plain text (${word})`);
    if (word === 'fail') {
      throw new Error('You asked me to fail');
    }
  },
);

Then('this might or might not run', function () {
  // no-op
});
