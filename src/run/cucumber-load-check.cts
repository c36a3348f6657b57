/**
 * The `cucumber-load` gate: loads the support code exactly as plain cucumber-js would, with the
 * TypeScript loaders the profile names (ts-node/register, swc, esbuild-register, …), which
 * specloop leaves out of its own run. Those loaders decide more than the compiled code: ts-node
 * type-checks every file it compiles, and any of them may pick another module format. A suite that
 * passes under specloop but that cucumber-js cannot even load must not read green.
 * Usage: node cucumber-load-check.cjs [profile…], in the project's folder. Exit 0 when it loads.
 */
import nodeModule = require('node:module');
import path = require('node:path');
import nodeUrl = require('node:url');

interface CucumberApi {
  loadConfiguration(options: { profiles: string[] }, environment: object): Promise<{ runConfiguration: object }>;
  loadSupport(options: object, environment: object): Promise<unknown>;
}

async function check(): Promise<number> {
  const cwd = process.cwd();
  const api = (await import(nodeUrl.pathToFileURL(nodeModule.createRequire(path.join(cwd, 'package.json')).resolve('@cucumber/cucumber/api')).href)) as CucumberApi;
  const environment = { cwd, stdout: process.stdout, stderr: process.stderr, env: process.env };
  const { runConfiguration } = await api.loadConfiguration({ profiles: process.argv.slice(2) }, environment);
  await api.loadSupport(runConfiguration, environment);
  process.stdout.write('the support code loads as cucumber-js loads it, with the profile\'s loaders\n');
  return 0;
}

check().then(
  // Exit at once: support code that starts a server or a timer at load would keep this process open.
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? (error.message || String(error)) : String(error);
    process.stderr.write(`cucumber-js could not load the support code with the profile's loaders:\n${message}\n`);
    process.exit(1);
  },
);
