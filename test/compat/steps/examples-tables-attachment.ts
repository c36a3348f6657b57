import fs from 'node:fs';
import path from 'node:path';
import { When, type IWorld } from '@cucumber/cucumber';

// The test copies the sample's binary files into <project>/assets/.
const assets = path.resolve(import.meta.dirname, '..', 'assets');

When('a JPEG image is attached', async function (this: IWorld) {
  await this.attach(fs.createReadStream(path.join(assets, 'cucumber.jpeg')), 'image/jpeg');
});

When('a PNG image is attached', async function (this: IWorld) {
  await this.attach(fs.createReadStream(path.join(assets, 'cucumber.png')), 'image/png');
});
