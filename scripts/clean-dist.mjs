#!/usr/bin/env node
// Empties dist/ before every build, so a module deleted from src/ (or an old build's source maps) is
// neither shipped nor tested from an old build.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

rmSync(path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'dist'), { recursive: true, force: true });
