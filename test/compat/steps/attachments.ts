import fs from 'node:fs';
import path from 'node:path';
import { When, type IWorld } from '@cucumber/cucumber';

// The test copies the sample's binary files into <project>/assets/.
const assets = path.resolve(import.meta.dirname, '..', 'assets');

When('the string {string} is attached as {string}', async function (this: IWorld, text: string, mediaType: string) {
  await this.attach(text, mediaType);
});

When('the string {string} is logged', async function (this: IWorld, text: string) {
  await this.log(text);
});

When('text with ANSI escapes is logged', async function (this: IWorld) {
  await this.log(
    'This displays a \x1b[31mr\x1b[0m\x1b[91ma\x1b[0m\x1b[33mi\x1b[0m\x1b[32mn\x1b[0m\x1b[34mb\x1b[0m\x1b[95mo\x1b[0m\x1b[35mw\x1b[0m',
  );
});

When('the following string is attached as {string}:', async function (this: IWorld, mediaType: string, text: string) {
  await this.attach(text, mediaType);
});

When('an array with {int} bytes is attached as {string}', async function (this: IWorld, size: number, mediaType: string) {
  const buffer = Buffer.from([...Array(size).keys()]);
  await this.attach(buffer, mediaType);
});

When('a PDF document is attached and renamed', async function (this: IWorld) {
  await this.attach(fs.createReadStream(path.join(assets, 'document.pdf')), {
    mediaType: 'application/pdf',
    fileName: 'renamed.pdf',
  });
});

When('a link to {string} is attached', async function (this: IWorld, uri: string) {
  await this.link(uri);
});

When(
  'the string {string} is attached as {string} before a failure',
  async function (this: IWorld, text: string, mediaType: string) {
    await this.attach(text, mediaType);
    throw new Error('whoops');
  },
);
