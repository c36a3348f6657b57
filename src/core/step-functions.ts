/** The names cucumber-js defines steps with (`Given('…', fn)`, `defineStep`, …), for the readers that find step definitions in source text. */
export const STEP_FUNCTIONS: ReadonlySet<string> = new Set(['Given', 'When', 'Then', 'And', 'But', 'Step', 'defineStep']);
