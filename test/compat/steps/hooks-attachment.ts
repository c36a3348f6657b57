import fs from 'node:fs';
import path from 'node:path';
import { After, Before, When, type IWorld } from '@cucumber/cucumber';

// The test copies the sample's binary files into <project>/assets/.
const svg = path.resolve(import.meta.dirname, '..', 'assets', 'cucumber.svg');

Before(async function (this: IWorld) {
  await this.attach(fs.createReadStream(svg), 'image/svg+xml');
});

When('a step passes', function () {
  // no-op
});

After(async function (this: IWorld) {
  await this.attach(fs.createReadStream(svg), 'image/svg+xml');
});
