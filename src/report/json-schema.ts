import { z } from '../core/zod.js';
import { DebtReportSchema } from '../debt/model.js';
import { ReviewSchema } from '../debt/review.js';
import { StepsCatalogueSchema } from '../bind/catalogue-schema.js';
import { VerdictSchema } from './verdict.js';

/** The verdict's JSON Schema, generated from the one zod schema. */
export function verdictJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://specloop.dev/verdict.schema.json',
    title: 'specloop verdict',
    ...z.toJSONSchema(VerdictSchema, { target: 'draft-2020-12' }),
  };
}

/** `spec debt --json`'s JSON Schema, generated from the zod DebtReportSchema. */
export function debtReportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://specloop.dev/debt-report.schema.json',
    title: 'specloop comprehension-debt report',
    ...z.toJSONSchema(DebtReportSchema, { target: 'draft-2020-12' }),
  };
}

/** `spec steps --json`'s JSON Schema (the catalogue listSteps() returns), generated from the zod StepsCatalogueSchema. */
export function stepsCatalogueJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://specloop.dev/steps-catalogue.schema.json',
    title: 'specloop steps catalogue',
    ...z.toJSONSchema(StepsCatalogueSchema, { target: 'draft-2020-12' }),
  };
}

/** `spec review --json`'s JSON Schema (what review() returns), generated from the zod ReviewSchema. */
export function reviewJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://specloop.dev/review.schema.json',
    title: 'specloop review since the last ack',
    ...z.toJSONSchema(ReviewSchema, { target: 'draft-2020-12' }),
  };
}
