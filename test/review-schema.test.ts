import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReviewSchema } from '../src/debt/review.js';
import * as schemas from '../src/report/json-schema.js';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('spec review --json JSON Schema', () => {
  it('the committed review.schema.json is exactly what ReviewSchema generates, and package.json exports it', () => {
    const file = path.join(ROOT, 'review.schema.json');
    expect(fs.existsSync(file), 'review.schema.json is missing: npm run build writes it').toBe(true);
    const generate = (schemas as Record<string, unknown>).reviewJsonSchema as (() => Record<string, unknown>) | undefined;
    expect(typeof generate).toBe('function');
    const committed = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(committed).toEqual(JSON.parse(JSON.stringify(generate!())));
    expect(committed.$id).toBe('https://specloop.dev/review.schema.json');
    // It is ReviewSchema's: its top-level fields are the zod schema's.
    expect(Object.keys(committed.properties as object).sort()).toEqual(Object.keys(ReviewSchema.shape).sort());
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, string>; files: string[] };
    expect(pkg.exports['./review.schema.json']).toBe('./review.schema.json');
    expect(pkg.files).toContain('review.schema.json');
  });
});
