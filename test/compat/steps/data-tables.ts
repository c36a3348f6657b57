import assert from 'node:assert';
import { Then, When, type DataTable } from '@cucumber/cucumber';

interface TableWorld {
  transposed?: DataTable;
}

When('the following table is transposed:', function (this: TableWorld, table: DataTable) {
  this.transposed = table.transpose();
});

Then('it should be:', function (this: TableWorld, expected: DataTable) {
  assert.ok(this.transposed, 'no table was transposed');
  assert.deepStrictEqual(this.transposed.raw(), expected.raw());
});
