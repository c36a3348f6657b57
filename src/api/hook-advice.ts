/**
 * What a failing hook asks of the agent, in one sentence after the report: fix the code, unless
 * what fails is a spec changed since the person's review, the spec's own form (a check written so
 * it does not run), or input spec could not check at all (exit 2).
 */
import type { Verdict } from '../report/verdict.js';
import { changedAndFailing, changedFailingMessage, type OracleSinceAck } from './hook-oracle.js';

// A Markdown line that reads like a step but is none, a scenario with no steps: what fails is the
// spec's form, not the code, and "fix the code (not the specs)" would send the agent the wrong way.
const FORM_CODES: ReadonlySet<string> = new Set(['SPEC_STEP_DROPPED', 'SPEC_NO_STEPS']);
const FORM_ADVICE = 'A spec states checks that do not run (named above): write each as the step it states, as the report says, without dropping or weakening it';

function formOnly(verdict: Verdict): boolean {
  const blocking = verdict.failures.filter((f) => !f.draft);
  return blocking.length > 0 && blocking.every((f) => FORM_CODES.has(f.code));
}

/** Exit 2 is input spec cannot check (a spec that does not parse, a config error): still not done, but not the code's fault. */
export function notDoneWhy(moved: OracleSinceAck | undefined, verdict: Verdict, verify: string): string {
  return verdict.exitCode === 2 ? `spec cannot check the work (exit 2): fix what the report names, then ${verify} again.` : `${verify} fails. ${fixWhat(moved, verdict)}`;
}

/** What a failing suite asks of the agent: the code, unless what fails was changed since the person's review. */
function fixWhat(moved: OracleSinceAck | undefined, verdict: Verdict): string {
  if (formOnly(verdict)) return `${FORM_ADVICE}.`;
  const changed = changedAndFailing(moved, verdict);
  return changed.length ? changedFailingMessage(changed, moved!) : 'Fix the code (not the specs or steps) until it passes.';
}

/** Exit 2 is input spec cannot check (no specs here, a config error): no spec has said the code is wrong. */
export function editAdvice(verdict: Verdict): string {
  if (verdict.exitCode === 2) return `spec could not check this edit: fix what the report names${verdict.scenarios.length ? '' : ' (no scenario ran)'}`;
  return formOnly(verdict) ? FORM_ADVICE : 'The specs say the code does not do what they describe yet: fix the code (not the specs or steps)';
}
