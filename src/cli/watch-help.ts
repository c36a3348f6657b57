import { optionHelp } from '../config/options-table.js';

/** `spec watch --help`: the keys, the exit codes once stopped (watch-exit.ts) and the options. */
export const watchHelp = (reporters: readonly string[]): string => `Usage: spec watch [options]

Runs every scenario once, then watches specs, steps, source and config: after each settled
burst of edits it re-runs only the scenarios the edit reaches (an edit during a run cancels it),
and prints the verdict with what changed since the last run.

Keys (interactive terminal): a all · f failed · enter re-run · q quit. Without a terminal, the
same as lines on stdin: "a", "f", "" (empty line), "q".

Exit codes once stopped: 0 over a green suite; with the suite failing or a run cut short, 130
(Ctrl-C, SIGINT), 143 (SIGTERM) or 1 (q); 2 bad input.

Options:
${optionHelp('watch', 20).replace('{watch-reporters}', reporters.join(', '))}
`;
