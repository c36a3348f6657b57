// Loading and first-use costs a session pays between runs, so that no edit's latency pays them.
import { sharedSupportFiles } from '../impact/support-kind.js';

let warming: Promise<unknown> | undefined;

/** The TypeScript parser takes ≈ 300 ms to load: between runs, not in the first edit's latency. */
export function warmEditCheck(): void {
  warming ??= new Promise((resolve) => setTimeout(resolve, 50).unref())
    .then(() => import('../impact/body-edit.js'))
    .then(({ isBodyOnlyEdit }) => isBodyOnlyEdit('export function f() {}\n', 'export function f() { return 1; }\n', 'warm.ts'))
    .catch(() => undefined);
}

/** Reading the support files' kinds takes ≈ 10–60 ms the first time: between runs, not in the first edit's latency. */
export function warmSupportKinds(root: string, supportFiles: string[]): void {
  setTimeout(() => sharedSupportFiles(root, supportFiles), 50).unref();
}
