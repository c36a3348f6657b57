#!/usr/bin/env node
// Writes the README's table of comprehension-debt metrics from METRICS (src/debt/model.ts), so the
// documented names, units and definitions can never drift from the code (a unit test compares them).
import { readFileSync, writeFileSync } from 'node:fs';
import { withMetricsTable } from '../dist/debt/metrics-table.js';

const readme = new URL('../README.md', import.meta.url);
const before = readFileSync(readme, 'utf8');
const after = withMetricsTable(before);
if (after !== before) writeFileSync(readme, after);
