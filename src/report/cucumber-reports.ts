/**
 * The reports cucumber's own formatters draw from the run's message stream (NDJSON, recorded by the
 * runner): JUnit XML through @cucumber/junit-xml-formatter, the HTML page through
 * @cucumber/html-formatter, and the stream itself. They describe the scenarios cucumber ran; gates
 * and problems met outside a scenario are in the verdict, its exit code and the GitHub annotations.
 */
import { Readable } from 'node:stream';
import type { Envelope } from '@cucumber/messages';

function envelopes(ndjson: string): Envelope[] {
  return ndjson
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Envelope);
}

export async function junitXml(ndjson: string): Promise<string> {
  const { JUnitXmlPrinter } = await import('@cucumber/junit-xml-formatter');
  let xml = '';
  const printer = new JUnitXmlPrinter({}, (chunk) => (xml += chunk));
  for (const envelope of envelopes(ndjson)) printer.update(envelope);
  return xml;
}

export async function htmlReport(ndjson: string): Promise<string> {
  const { CucumberHtmlStream } = await import('@cucumber/html-formatter');
  const chunks: string[] = [];
  const page = Readable.from(envelopes(ndjson)).pipe(new CucumberHtmlStream());
  for await (const chunk of page) chunks.push(String(chunk));
  return chunks.join('');
}
