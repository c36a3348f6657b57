/**
 * Loaded first in each of cucumber's parallel workers: the runner puts it at the head of the
 * `requireModules` cucumber hands its workers (library.originalCoordinates), because a worker loads
 * the support code itself, without what the runner set up around its own load. CommonJS, because
 * cucumber `require`s these in the worker.
 */
import nodeChild = require('node:child_process');
import nodeModule = require('node:module');
import nodePath = require('node:path');
import nodeUrl = require('node:url');
import nodeWorkers = require('node:worker_threads');
import captureErrors = require('./capture-errors.cjs');
import lateErrors = require('./late-errors.cjs');
import readRecorder = require('./read-recorder.cjs');

const own = nodeModule.createRequire(__filename);
// What the code reads here, as the runner records it (read-recorder.cts): from the worker's own load of the support code on.
const reads = new readRecorder.ReadRecorder(process.cwd());
reads.install();
reads.phase = 'shared';
// The runner compiles TypeScript with tsx (typescript-hooks.ts): the workers' support code needs the same.
(own('tsx/cjs/api') as { register: () => void }).register();
// tsx's ESM hooks, registered as tsx/esm/api does it: its CommonJS build names the hooks at a
// path that does not exist (tsx 4.23), and this module must stay CommonJS, so not the ES build.
if (process.env.SPECLOOP_WORKER_ESM === '1') {
  const { port1, port2 } = new nodeWorkers.MessageChannel();
  port1.unref();
  nodeModule.register(nodeUrl.pathToFileURL(own.resolve('tsx/esm')).href, { data: { port: port2 }, transferList: [port2] });
}

// Step output goes to stderr, as in one runner, so stdout stays the report: a process worker
// inherits the stdout of the process that started cucumber, which for a thread runner is spec's own.
process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;

// spec.config's `timeout`, as the runner gives it: support code that sets its own (loaded after this) wins.
const timeout = Number(process.env.SPECLOOP_WORKER_TIMEOUT);
if (timeout > 0) {
  const project = nodeModule.createRequire(nodePath.join(process.cwd(), 'package.json'));
  (project('@cucumber/cucumber') as { setDefaultTimeout: (ms: number) => void }).setDefaultTimeout(timeout);
}

// A failed step's thrown error (its expected/actual), which cucumber's messages do not carry: the
// worker's step definitions are wrapped as the runner wraps its own (capture-errors.cts), and the
// error rides on the failed step's envelope to the runner, which takes it off before anything else reads it.
type Library = { stepDefinitions: { code: (...args: unknown[]) => unknown }[] };
type Outgoing = { type?: string; success?: boolean; envelope?: { testStepFinished?: { testStepResult?: { status?: string } }; testCaseStarted?: unknown; testCaseFinished?: unknown; specloopThrown?: unknown; specloopSpawned?: Spawn[]; specloopReads?: unknown } };
type Spawn = { pid: number; exited?: true };

const cucumberLib = nodePath.dirname(nodeModule.createRequire(nodePath.join(process.cwd(), 'package.json')).resolve('@cucumber/cucumber'));
const builder = (own(nodePath.join(cucumberLib, 'support_code_library_builder', 'index.js')) as { default: { finalize: (...args: unknown[]) => Library } }).default;
const finalize = builder.finalize.bind(builder);
let take: () => unknown = () => undefined;
builder.finalize = (...args: unknown[]) => {
  const library = finalize(...args);
  take = captureErrors.captureStepErrors(library.stepDefinitions);
  return library;
};

// What the steps spawn here, as the runner's own reportSpawns does: the runner kills it, and what
// it started, with the run, even when it detached from the worker's group. It rides on the next
// envelope (a step's spawn is followed by its testStepFinished), the one channel cucumber passes on.
const spawns: Spawn[] = [];
const proto = nodeChild.ChildProcess.prototype as unknown as { spawn: (this: nodeChild.ChildProcess, ...args: unknown[]) => unknown };
const spawn = proto.spawn;
proto.spawn = function (this: nodeChild.ChildProcess, ...args: unknown[]) {
  const result = spawn.apply(this, args);
  reads.spawned(args[0]);
  const pid = this.pid;
  if (pid !== undefined) {
    spawns.push({ pid });
    this.once('exit', () => spawns.push({ pid, exited: true }));
  }
  return result;
};

function withThrown(message: Outgoing): Outgoing {
  const finished = message?.type === 'ENVELOPE' ? message.envelope?.testStepFinished : undefined;
  const thrown = finished?.testStepResult?.status === 'FAILED' ? take() : undefined;
  if (thrown) message.envelope!.specloopThrown = thrown;
  if (spawns.length && message?.type === 'ENVELOPE' && message.envelope) message.envelope.specloopSpawned = spawns.splice(0);
  if (message?.type === 'ENVELOPE' && message.envelope) withReads(message.envelope);
  return message;
}

/** A scenario's reads ride on its testCaseFinished, with what the worker read outside scenarios and wrote so far. */
function withReads(envelope: NonNullable<Outgoing['envelope']>): void {
  if (envelope.testCaseStarted) (reads.takeScenario(), (reads.phase = 'scenario'));
  if (!envelope.testCaseFinished) return;
  envelope.specloopReads = { scenario: reads.takeScenario(), shared: reads.sharedReads(), writes: reads.writes() };
  reads.phase = 'shared';
}

// Errors a step leaves behind (late-errors.cts): a worker ends as soon as it has no scenario left
// (cucumber 12 and older exit it, 13 terminates its thread), before a timer a step started can
// throw, and a serial run waits for that. So each worker waits the same way before it says it is
// done: what it catches fails cucumber's own result and goes to the runner with its stack, and the
// verdict names the line that threw. An error nothing catches ends the worker; the runner hears of it first.
type Thrown = { type: string; message: string; stack?: string };
const describe = (error: unknown): Thrown => (error instanceof Error ? { type: error.name, message: error.message, stack: error.stack } : { type: 'Error', message: String(error) });
/** How the runner hears: a process worker's IPC (runner-channel.ts takes it off before cucumber), a thread's channel of its own (cucumber passes on no message of ours). */
let tellRunner: (message: unknown, then: () => void) => void = (_message, then) => then();
function reportLate(errors: unknown[], then: () => void = () => undefined): void {
  if (errors.length === 0) return then();
  errors.forEach((error, i) => tellRunner({ type: 'SPECLOOP_WORKER_ERROR', late: true, error: describe(error) }, i === errors.length - 1 ? then : () => undefined));
}
// cucumber listens while a step runs, and fails that step: only an error nothing handles ends the worker.
process.on('uncaughtExceptionMonitor', (error) => process.listenerCount('uncaughtException') === 0 && reportLate([error]));

// cucumber 12's workers are child processes (process.send); 13's are threads (a MessagePort in workerData).
type Port = { postMessage: (message: unknown) => void; on: (event: 'message', listener: (command: { type?: string }) => void) => void };
const port = (nodeWorkers.workerData as { port?: Port } | null)?.port;
if (port) {
  const channel = process.env.SPECLOOP_WORKER_LATE ? new nodeWorkers.BroadcastChannel(process.env.SPECLOOP_WORKER_LATE) : undefined;
  channel?.unref();
  tellRunner = (message, then) => (channel?.postMessage(message), then());
  let command: string | undefined;
  port.on('message', (received) => (command = received?.type));
  const post = port.postMessage.bind(port);
  port.postMessage = (message: unknown) => {
    const outgoing = withThrown(message as Outgoing);
    // After its AfterAll hooks the thread is terminated: what its steps left comes first.
    if (outgoing?.type !== 'FINISHED' || command !== 'AFTERALL_HOOKS') return post(outgoing);
    void lateErrors.collectLateErrors().then((errors) => reportLate(errors, () => post(errors.length ? { ...outgoing, success: false } : outgoing)));
  };
} else if (process.send) {
  const send = process.send.bind(process) as (...args: unknown[]) => boolean;
  process.send = ((message: unknown, ...rest: unknown[]) => send(withThrown(message as Outgoing), ...rest)) as typeof process.send;
  tellRunner = (message, then) => void send(message, undefined, {}, then);
  holdFinalExit();
  // A process worker that fails outside a step (a World constructor that throws) prints
  // `new Error(reason, { cause })` and exits: the cause goes to the runner first, which reports it
  // in the verdict instead of only "a worker ended" (runner-channel.ts takes it off before cucumber).
  const printError = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const cause = args.map((arg) => (arg instanceof Error ? arg.cause : undefined)).find((c): c is Error => c instanceof Error);
    if (cause) send({ type: 'SPECLOOP_WORKER_ERROR', error: { type: cause.name, message: cause.message, stack: cause.stack } });
    printError(...args);
  };
}

/**
 * A process worker exits (code 0) once its AfterAll hooks ran, when cucumber tells it to finalize:
 * the exit waits for what its steps left, and one that threw makes it exit 1, which fails cucumber's run.
 */
function holdFinalExit(): void {
  let finalizing = false;
  // cucumber 11 and later send { type: 'FINALIZE' }, 8 to 10 { finalize: true }.
  process.on('message', (command: { type?: string; finalize?: unknown }) => void ((command?.type === 'FINALIZE' || command?.finalize) && (finalizing = true)));
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => {
    if (!finalizing || (code !== undefined && code !== null && Number(code) !== 0)) return exit(code);
    finalizing = false;
    void lateErrors.collectLateErrors().then((errors) => reportLate(errors, () => exit(errors.length ? 1 : 0)));
  }) as typeof process.exit;
}
