/**
 * The debt page's one stylesheet, inlined (the page's Content-Security-Policy allows exactly this
 * text by its hash). System fonts only: a web font would be a network load. Light and dark follow
 * the reader's `prefers-color-scheme`.
 */
export const DEBT_PAGE_CSS = `
:root { color-scheme: light dark; --fg: #1d232a; --muted: #5b6570; --bg: #ffffff; --panel: #f5f7f9; --rule: #d5dbe1;
  --line: #2f6fbf; --worse: #b3261e; --better: #1e7d3a; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e3e7eb; --muted: #9aa5b1; --bg: #15191d; --panel: #1e2429; --rule: #36404a;
    --line: #7fb0ff; --worse: #ff8a80; --better: #7bd88f; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1180px; padding: 1.5rem; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: var(--fg); background: var(--bg); }
h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
h2 { margin: 2rem 0 .75rem; font-size: 1.2rem; border-bottom: 1px solid var(--rule); padding-bottom: .25rem; }
code { font: .9em ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
a { color: var(--line); }
.score { margin: 0; font-size: 1.15rem; }
.facts, .note, .because, .unmeasured, .empty { color: var(--muted); }
.because { font-size: .9em; margin-top: .2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
caption { text-align: left; color: var(--muted); padding-bottom: .35rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .6rem; border-bottom: 1px solid var(--rule); }
thead th { background: var(--panel); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.path, td.path code { word-break: break-all; }
.worse { color: var(--worse); }
.better { color: var(--better); }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 1rem; }
figure { margin: 0; padding: .5rem; background: var(--panel); border-radius: 6px; }
figcaption { font-weight: 600; padding: 0 .25rem .25rem; }
svg.chart { display: block; width: 100%; height: auto; }
svg .axis { stroke: var(--muted); stroke-width: 1; }
svg .grid { stroke: var(--rule); stroke-width: 1; }
svg .tick, svg .unit, svg .empty { fill: var(--muted); font-size: 10px; }
svg .line { fill: none; stroke: var(--line); stroke-width: 2; }
svg .point { fill: var(--line); }
svg .point.partial { fill: var(--bg); stroke: var(--line); stroke-width: 1.5; }
svg .gap { stroke: var(--muted); stroke-width: 1; stroke-dasharray: 3 3; }
.warnings li { margin: .25rem 0; }
`;
