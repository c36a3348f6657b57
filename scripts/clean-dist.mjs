#!/usr/bin/env node
// Empties dist/ before the prepack build, so a module deleted from src/ is not shipped from an old build.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

rmSync(path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'dist'), { recursive: true, force: true });
