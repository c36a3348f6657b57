// Plain cucumber-js (cucumber.cjs) loads this first: tsx's CommonJS hooks compile the TypeScript steps that follow.
// spec verify never loads it (spec.config.json's "steps" names .ts files only): specloop compiles them itself.
require('tsx/cjs');
