import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteerCore from 'puppeteer-core';
import { CHROME_ARGS, findChrome, findFirefox } from './scripts/chrome.js';
import { summaryReporter } from './scripts/summary-reporter.js';
import { frameCommands } from './scripts/frame-commands.js';
import { accessibilityCommands, dataCommand, inlineCss, markercluster, retryReport, touchEmulation } from './scripts/test-plugins.js';
import { chunked, dataFiles, latin1, raw, strictCsp, generated, hanging, heldResponses, brokenParts, noPlaces, slowResponses, tileServer, uploadedDist } from './scripts/test-servers.js';

const executablePath = findChrome();
if (!executablePath) throw new Error('No Chrome/Chromium found: run `node scripts/chrome.js --ensure`.');
const firefoxPath = findFirefox();
if (!firefoxPath) throw new Error('No Firefox found: run `node scripts/chrome.js --ensure`.');

/**
 * The suites that also run in Firefox: what a visitor sees and does (loading, popups, keyboard,
 * search, consent, basemap, layout, teaser). A pattern that matches no file (yet) is fine.
 * Everything else (benchmarks, bundle, CSP, editor, host pages, lifecycle, …) stays Chromium-only:
 * see the README, "Browser support".
 */
const FIREFOX_SUITES = [
  'test/member-map.test.ts',
  'test/a11y.test.ts',
  'test/tiles.test.ts',
  'test/place-search.test.ts',
  'test/near.test.ts',
  'test/basemap.test.ts',
  'test/layout.test.ts',
  'test/teaser.test.ts',
  'test/frame-layout.test.ts',
];

const chromium = chromeLauncher({
  launchOptions: {
    executablePath,
    headless: true,
    args: CHROME_ARGS,
  },
});

/**
 * Key names that Puppeteer's CDP keyboard knows but its WebDriver BiDi keyboard does not, with the
 * key value that presses the same key ("Space" is a `code`; its key value is " ").
 */
const BIDI_KEYS = { Space: ' ' };

// Firefox (ESR) over WebDriver BiDi, driven by puppeteer-core: no browser download, the Firefox
// that scripts/chrome.js found or installed. The same launcher class as Chromium (it is what
// @web/test-runner-puppeteer's puppeteerLauncher builds), so @web/test-runner-commands' sendKeys,
// sendMouse and setViewport work in both; emulateMedia does not (it needs CDP).
const firefox = chromeLauncher({
  puppeteer: puppeteerCore,
  launchOptions: {
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
  },
  async createPage({ context }) {
    const page = await context.newPage();
    for (const method of ['press', 'down', 'up']) {
      const send = page.keyboard[method].bind(page.keyboard);
      page.keyboard[method] = (key, options) => send(BIDI_KEYS[key] ?? key, options);
    }
    return page;
  },
});

export default {
  nodeResolve: { exportConditions: ['production'] },
  middleware: [strictCsp, latin1, raw, uploadedDist, slowResponses, heldResponses, brokenParts, noPlaces, hanging, chunked, generated, dataFiles, tileServer()],
  concurrency: 1,
  // One browser at a time: Chromium's timing tests (long tasks, spiderfy) keep both cores to
  // themselves, and the two engines never compete for focus or the test servers.
  concurrentBrowsers: 1,
  // Firefox starts only once Chromium's suites are done; on a busy 2-core machine its first page once
  // took over the default 30 s to open.
  browserStartTimeout: 120_000,
  reporters: [defaultReporter(), summaryReporter()],
  browsers: [chromium],
  // One second attempt per test: on a shared 2-core machine a busy neighbour can stretch the browser's
  // timers past any wait. A test that needed it is named in the browser logs (test/retry-report.ts).
  testFramework: { config: { timeout: 10000, retries: 1 } },
  groups: [
    { name: 'chromium', files: ['test/**/*.test.ts'], browsers: [chromium] },
    { name: 'firefox', files: FIREFOX_SUITES, browsers: [firefox] },
  ],
  plugins: [retryReport(), inlineCss(), markercluster, dataCommand(), touchEmulation(), accessibilityCommands(), frameCommands(), esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' })],
};
