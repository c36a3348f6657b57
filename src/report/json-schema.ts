import { z } from 'zod';
import { VerdictSchema } from './verdict.js';

/** The verdict's JSON Schema, generated from the one zod schema. */
export function verdictJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://specloop.dev/verdict.schema.json',
    title: 'specloop verdict',
    ...z.toJSONSchema(VerdictSchema, { target: 'draft-2020-12' }),
  };
}
