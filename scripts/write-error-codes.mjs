#!/usr/bin/env node
// Writes the README's table of error codes from the registry, so the documented codes can never
// drift from the code (a unit test compares the two).
import { readFileSync, writeFileSync } from 'node:fs';
import { ERROR_CODES } from '../dist/core/error-codes.js';
import { withCodesTable } from './error-codes-table.mjs';

const readme = new URL('../README.md', import.meta.url);
const before = readFileSync(readme, 'utf8');
const after = withCodesTable(before, ERROR_CODES);
if (after !== before) writeFileSync(readme, after);
