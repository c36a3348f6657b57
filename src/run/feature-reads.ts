/**
 * cucumber reads the feature files through one fs stream each, one file after another
 * (gherkin-streams `fromPaths`): an open, two reads and a close, each a round trip through libuv's
 * thread pool, with the thread idle between them. On 200 small files that is ≈ 0.2 s of a run
 * (bench/RESULTS.md, session 13). While cucumber reads its sources, a feature file it asks for is
 * read at once and handed over as a stream of its whole text: the same characters, the same errors
 * (a file that cannot be read is left to fs's own stream), no idle turns.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';

type CreateReadStream = typeof fs.createReadStream;

/** The arguments of a read gherkin-streams makes: an absolute .feature path, read as UTF-8 text. */
function isFeatureRead(file: unknown, options: unknown): file is string {
  if (typeof file !== 'string' || !file.endsWith('.feature') || !path.isAbsolute(file)) return false;
  if (typeof options === 'string') return options === 'utf-8' || options === 'utf8';
  // Anything beyond the encoding (a range, flags, a descriptor) is not a plain whole-file read.
  const { encoding, highWaterMark, ...rest } = (options ?? {}) as { encoding?: unknown; highWaterMark?: unknown };
  return (encoding === 'utf-8' || encoding === 'utf8') && Object.keys(rest).length === 0 && (highWaterMark === undefined || typeof highWaterMark === 'number');
}

/** Feature files are read whole until the returned function puts fs's own stream back. */
export function readFeaturesWhole(): () => void {
  const target = fs as unknown as { createReadStream: CreateReadStream };
  const own = target.createReadStream;
  const whole = function (this: unknown, ...args: Parameters<CreateReadStream>) {
    const [file, options] = args;
    if (!isFeatureRead(file, options)) return own.apply(this, args);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return own.apply(this, args);
    }
    return Readable.from([text], { objectMode: false, encoding: 'utf8' });
  } as CreateReadStream;
  target.createReadStream = whole;
  return () => {
    if (target.createReadStream === whole) target.createReadStream = own;
  };
}
