/*
 * specloop's own acceptance suite under plain cucumber-js: `npm run build && npx cucumber-js`
 * runs the same scenarios as `spec verify` (spec.config.json lists the same specs).
 *
 * - cucumber-js cannot read specloop's Markdown spec documents (features/*.md), so when the
 *   cucumber-js command line loads this file it runs `spec compile` first (the steps drive the
 *   built CLI, so dist/ must exist anyway) and runs the compiled Gherkin from .spec/compiled/;
 *   failures there are reported at .spec/compiled/features/NAME.md.feature, whose lines are the
 *   document's own lines.
 * - `spec verify` reads this file too (it honours cucumber profiles), but spec.config.json sets
 *   `specs` and `steps`, so these paths and support files are not used there, and nothing here
 *   runs a compile when specloop is the one reading it.
 * - TypeScript steps load through tsx's CommonJS hooks, registered by the first support file
 *   (not `requireModule`, which specloop would drop with a warning on every run: it compiles the
 *   steps itself).
 */
const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');
const { globSync } = require('tinyglobby');

const root = __dirname;

/** Loaded by the cucumber-js command line itself, not read by specloop or another tool. */
function loadedByCucumberCli() {
  return /[\\/]@cucumber[\\/]cucumber[\\/]bin[\\/]/.test(require('node:fs').realpathSync(process.argv[1] ?? '.'));
}

/** The compiled Gherkin of every Markdown spec document that has scenarios (spec compile writes only those). */
function compiledMarkdown() {
  const documents = globSync(['features/**/*.md', '!features/**/*.feature.md'], { cwd: root });
  return documents.map((file) => `.spec/compiled/${file}.feature`).filter((file) => existsSync(path.join(root, file))).sort();
}

if (loadedByCucumberCli()) {
  // A spec that does not compile stops the run here, with spec compile's own message.
  execFileSync(process.execPath, [path.join(root, 'bin', 'spec.js'), 'compile'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

module.exports = {
  default: {
    paths: ['features/**/*.feature', 'features/**/*.feature.md', ...compiledMarkdown()],
    require: ['steps/support/register-tsx.cjs', 'steps/**/*.ts'],
  },
};
