#!/usr/bin/env node
// Writes verdict.schema.json, debt-report.schema.json, steps-catalogue.schema.json and review.schema.json from the zod schemas, so the committed file can never drift from the code
// (a unit test compares the two).
import { writeFileSync } from 'node:fs';
import { debtReportJsonSchema, reviewJsonSchema, stepsCatalogueJsonSchema, verdictJsonSchema } from '../dist/report/json-schema.js';

writeFileSync(new URL('../verdict.schema.json', import.meta.url), `${JSON.stringify(verdictJsonSchema(), null, 2)}\n`);
writeFileSync(new URL('../debt-report.schema.json', import.meta.url), `${JSON.stringify(debtReportJsonSchema(), null, 2)}\n`);
writeFileSync(new URL('../steps-catalogue.schema.json', import.meta.url), `${JSON.stringify(stepsCatalogueJsonSchema(), null, 2)}\n`);
writeFileSync(new URL('../review.schema.json', import.meta.url), `${JSON.stringify(reviewJsonSchema(), null, 2)}\n`);
