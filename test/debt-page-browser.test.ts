import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRIC_NAMES, type DebtReport } from '../src/debt/model.js';
import { renderDebtHtml } from '../src/report/debt-html.js';
import { firstRunReport, richReport } from './debt-report-fixtures.js';

/*
 * The debt page in a real browser: Debian's Chromium, driven by playwright-core with the system
 * binary. Every chart must render at a visible size with a point per measured run, the console
 * must stay clean, and the page must make no request but its own file. Without Chromium the tests
 * skip with a message saying so and how to install it: a skip, never a pass.
 */

const CHROMIUM = '/usr/bin/chromium';
const INSTALL = `Chromium is not installed at ${CHROMIUM}, so the debt page was not opened in a browser: install it with \`apt-get install -y chromium\` (Debian/Ubuntu, as root), as .ci/run does`;
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const artifacts = path.join(root, '.tmp', 'artifacts');
const haveChromium = existsSync(CHROMIUM);

interface Opened {
  page: Page;
  /** Every URL the page requested, its own file:// URL included. */
  requests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
}

let context: BrowserContext | undefined;
let profile: string | undefined;

beforeAll(async () => {
  // vitest's default reporter counts a skip but does not print its note: say it where a run shows it.
  if (!haveChromium) return void console.warn(`SKIPPED: ${INSTALL}`);
  // A profile of its own: nothing from another run (cache, service worker) can answer a request.
  profile = mkdtempSync(path.join(os.tmpdir(), 'specloop-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1200, height: 900 },
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function open(name: string, html: string): Promise<Opened> {
  mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, `${name}.html`);
  writeFileSync(file, html);
  const page = await context!.newPage();
  const opened: Opened = { page, requests: [], errors: [] };
  page.on('request', (request) => opened.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') opened.errors.push(message.text());
  });
  page.on('pageerror', (error) => opened.errors.push(String(error)));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  // Console messages (a CSP violation among them) can arrive just after load.
  await page.waitForTimeout(200);
  return opened;
}

function measured(report: DebtReport, metric: (typeof METRIC_NAMES)[number]) {
  const values = report.history.map((entry) => entry.metrics[metric]);
  const points = values.filter((v) => v !== null).length;
  // A chart that measured nothing says so in words, with no per-run gap marks.
  return { points, gaps: points ? values.length - points : 0 };
}

describe('the debt page in headless Chromium', () => {
  it('renders every chart, logs no error, requests nothing but itself; screenshots under .tmp/artifacts/', async (ctx) => {
    if (!haveChromium) ctx.skip(INSTALL);
    const report = richReport();
    const { page, requests, errors } = await open('debt-page', renderDebtHtml(report));
    for (const metric of METRIC_NAMES) {
      const chart = page.locator(`svg#chart-${metric}`);
      const box = await chart.boundingBox();
      expect(box?.width, metric).toBeGreaterThan(100);
      expect(box?.height, metric).toBeGreaterThan(50);
      const { points, gaps } = measured(report, metric);
      expect(await chart.locator('circle.point').count(), metric).toBe(points);
      expect(await chart.locator('line.gap').count(), metric).toBe(gaps);
      // Each point drawn inside the chart, not collapsed or off its edge.
      for (const point of await chart.locator('circle.point').all()) {
        const at = await point.boundingBox();
        expect(at && at.width > 0 && at.x >= box!.x && at.x + at.width <= box!.x + box!.width + 1, metric).toBe(true);
      }
    }
    expect(await page.locator('table').count()).toBe(4);
    expect(await page.locator('th[scope="col"]').count()).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    expect(requests).toEqual([page.url()]);
    await page.screenshot({ path: path.join(artifacts, 'debt-page.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(artifacts, 'debt-page-dark.png'), fullPage: true });
    await page.close();
  });

  it('renders a first run (no history, most figures unmeasured) with no error or request', async (ctx) => {
    if (!haveChromium) ctx.skip(INSTALL);
    const { page, requests, errors } = await open('debt-page-first-run', renderDebtHtml(firstRunReport()));
    expect(await page.locator('svg').count()).toBe(0);
    expect(await page.getByText('No runs recorded yet').isVisible()).toBe(true);
    expect(await page.getByText('no line-coverage run yet: run spec verify --coverage').first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
    expect(requests).toEqual([page.url()]);
    await page.screenshot({ path: path.join(artifacts, 'debt-page-first-run.png'), fullPage: true });
    await page.close();
  });

  it('would catch a load: a blocked one is recorded with the CSP console error, an unblocked one is recorded', async (ctx) => {
    if (!haveChromium) ctx.skip(INSTALL);
    // Port 9 (discard) on the loopback: nothing leaves the machine even when the request is made.
    const html = renderDebtHtml(richReport()).replace('</main>', '<img src="http://127.0.0.1:9/leak.png" alt=""></main>');
    const blocked = await open('debt-page-control-csp', html);
    expect(blocked.errors.join('\n')).toMatch(/Content Security Policy/);
    // The request event fires before the CSP stops the load: the recorder sees even a blocked try.
    expect(blocked.requests).toEqual([blocked.page.url(), 'http://127.0.0.1:9/leak.png']);
    await blocked.page.close();
    const unguarded = await open('debt-page-control-no-csp', html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
    expect(unguarded.errors.join('\n')).not.toMatch(/Content Security Policy/);
    expect(unguarded.requests).toEqual([unguarded.page.url(), 'http://127.0.0.1:9/leak.png']);
    await unguarded.page.close();
  });
});
