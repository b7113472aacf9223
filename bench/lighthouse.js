// `npm run bench -- --lighthouse`: Lighthouse (the devDependency, pinned) in its default mobile
// setting (simulated slow 4G and 4× slower CPU, a phone's screen) on demo/plain.html, served with
// gzip by the benchmark's server together with the snapshot of dist/ and data/members.geojson: the
// page loads the stylesheet, the classic script and the members from its own origin, as a CMS page
// does. Each run gets a browser of its own (fresh profile: nothing cached). See docs/performance.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Browser flags on top of the benchmark's: headless, and no background throttling of the page. */
const LIGHTHOUSE_ARGS = [
  '--headless=new',
  '--disable-extensions',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--mute-audio',
];

/** Budgets from issue 23 (Lighthouse mobile, plain page with gzip, median of 3). */
export const LIGHTHOUSE_BUDGETS = { score: 100, tbt: 50, unusedJsKiB: 15 };

/**
 * Lighthouse's default configuration, performance category only, with one change that does not
 * touch the score (the audit has weight 0): `unused-javascript` lists every script with any
 * unused bytes (by default it leaves out scripts under 20 KiB, which would hide a result under
 * the budget of 15 KiB) and every source file of the bundle in it (by default those over 512 B).
 */
const CONFIG = {
  extends: 'lighthouse:default',
  settings: { onlyCategories: ['performance'] },
  audits: [{ path: 'byte-efficiency/unused-javascript', options: { unusedThreshold: 0, bundleSourceUnusedThreshold: 0 } }],
};

/** Starts the browser with a DevTools port of its own choosing and resolves with that port. */
async function startBrowser(executablePath, launchArgs, userData) {
  const browser = spawn(executablePath, [...launchArgs, ...LIGHTHOUSE_ARGS, `--user-data-dir=${userData}`, '--remote-debugging-port=0', 'about:blank'], {
    stdio: 'ignore',
    detached: true, // its own process group: stopped as a whole
  });
  const exited = new Promise((resolve) => browser.once('exit', resolve));
  const deadline = Date.now() + 30000;
  for (;;) {
    // Chromium writes the port it listens on into this file once it is ready.
    const port = readPort(join(userData, 'DevToolsActivePort'));
    if (port > 0) return { port, stop: () => (killGroup(browser), exited) };
    if (browser.exitCode !== null) throw new Error('the browser exited before it opened its DevTools port');
    if (Date.now() > deadline) {
      killGroup(browser);
      throw new Error('the browser did not open its DevTools port within 30 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // exited already
  }
}

function readPort(file) {
  try {
    return Number(readFileSync(file, 'utf8').split('\n')[0]);
  } catch {
    return NaN; // not written yet
  }
}

/** What one run's report says, for the table and bench/results-lighthouse.json. */
export function extract(lhr) {
  const audit = (id) => lhr.audits[id] ?? {};
  const items = (id) => audit(id).details?.items ?? [];
  const unused = items('unused-javascript');
  const scripts = items('network-requests').filter((request) => request.resourceType === 'Script');
  return {
    score: lhr.categories.performance.score == null ? null : Math.round(lhr.categories.performance.score * 100),
    fcp: audit('first-contentful-paint').numericValue,
    lcp: audit('largest-contentful-paint').numericValue,
    tbt: audit('total-blocking-time').numericValue,
    cls: audit('cumulative-layout-shift').numericValue,
    speedIndex: audit('speed-index').numericValue,
    mainThreadWork: audit('mainthread-work-breakdown').numericValue,
    unusedJs: {
      bytes: unused.reduce((sum, item) => sum + item.wastedBytes, 0),
      scripts: unused.map((item) => ({
        url: item.url,
        totalBytes: item.totalBytes,
        wastedBytes: item.wastedBytes,
        sources: (item.subItems?.items ?? []).map(({ source, sourceBytes, sourceWastedBytes }) => ({ source, bytes: sourceBytes, wastedBytes: sourceWastedBytes })),
      })),
    },
    scripts: scripts.map((request) => ({ url: request.url, transferSize: request.transferSize, resourceSize: request.resourceSize })),
    longTasks: items('long-tasks').map(({ url, duration, startTime }) => ({ url, duration, startTime })),
    bootup: items('bootup-time').map(({ url, total, scripting, scriptParseCompile }) => ({ url, total, scripting, scriptParseCompile })),
    benchmarkIndex: lhr.environment?.benchmarkIndex,
    warnings: lhr.runWarnings ?? [],
    runtimeError: lhr.runtimeError,
  };
}

/**
 * Runs Lighthouse `runs` times on `url`, each time in a fresh browser. `beforeRun()` (the
 * benchmark's wait for an idle machine) runs before each; `onRun(index, lhr, extracted)` after.
 * `watchCpu()` returns a function that tells how busy other work kept the CPUs since: Lighthouse
 * multiplies the task times it observes by 4, so other work during a run shows fourfold in TBT.
 * With `retryBusy` ({ over, times }), a run during which other work kept the CPUs busier than
 * `over` is set aside (returned in `discarded`, with that figure) and taken again, at most `times`
 * times in all; the last try counts whatever the machine did.
 */
export async function lighthouseRuns({ url, runs, executablePath, launchArgs, workDir, beforeRun = async () => {}, onRun = () => {}, onDiscard = () => {}, watchCpu = () => () => undefined, retryBusy = { over: 1, times: 0 } }) {
  const { default: lighthouse } = await import('lighthouse'); // only in this mode: npm test never loads it
  const results = [];
  const discarded = [];
  for (let index = 0; index < runs; index++) {
    const cpuBusyBefore = await beforeRun();
    const userData = mkdtempSync(join(workDir, 'lighthouse-chromium-'));
    const browser = await startBrowser(executablePath, launchArgs, userData);
    try {
      const busySince = watchCpu();
      const result = await lighthouse(url, { port: browser.port, hostname: '127.0.0.1', output: 'json', logLevel: 'error' }, CONFIG);
      const cpuBusyDuring = busySince();
      if (!result) throw new Error('Lighthouse returned no result');
      const extracted = { ...extract(result.lhr), cpuBusyBefore, cpuBusyDuring };
      if (extracted.runtimeError) throw new Error(`Lighthouse: ${extracted.runtimeError.code}: ${extracted.runtimeError.message}`);
      if (cpuBusyDuring > retryBusy.over && discarded.length < retryBusy.times) {
        discarded.push(extracted);
        await onDiscard(index, extracted);
        index--; // the same run again
        continue;
      }
      results.push(extracted);
      await onRun(index, result.lhr, extracted);
    } finally {
      await browser.stop();
      rmSync(userData, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
  }
  return { runs: results, discarded };
}

const median = (values) => {
  const sorted = values.filter((value) => value != null).sort((x, y) => x - y);
  if (sorted.length === 0) return null;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const range = (values) => {
  const known = values.filter((value) => value != null);
  return { median: median(known), min: known.length ? Math.min(...known) : null, max: known.length ? Math.max(...known) : null };
};
const fmt = (value, digits = 0) => (value == null ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const ranged = ({ median: m, min, max }, digits = 0) => (m == null ? '–' : `${fmt(m, digits)} (${fmt(min, digits)}–${fmt(max, digits)})`);
const kib = (bytes) => (bytes == null ? null : bytes / 1024);
const pathOf = (url) => {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
};

/** Medians and ranges over the runs, per metric and per script. */
export function summariseLighthouse(runs) {
  const over = (pick) => range(runs.map(pick));
  const scriptUrls = [...new Set(runs.flatMap((run) => [...run.scripts.map((s) => s.url), ...run.unusedJs.scripts.map((s) => s.url), ...run.bootup.map((b) => b.url)]))];
  return {
    runs: runs.length,
    score: over((run) => run.score),
    tbt: over((run) => run.tbt),
    fcp: over((run) => run.fcp),
    lcp: over((run) => run.lcp),
    cls: over((run) => run.cls),
    speedIndex: over((run) => run.speedIndex),
    mainThreadWork: over((run) => run.mainThreadWork),
    unusedJsKiB: over((run) => kib(run.unusedJs.bytes)),
    longTaskCount: over((run) => run.longTasks.length),
    benchmarkIndex: over((run) => run.benchmarkIndex),
    scripts: scriptUrls.map((url) => ({
      url,
      transferKiB: over((run) => kib(run.scripts.find((s) => s.url === url)?.transferSize)),
      resourceKiB: over((run) => kib(run.scripts.find((s) => s.url === url)?.resourceSize)),
      unusedKiB: over((run) => kib(run.unusedJs.scripts.find((s) => s.url === url)?.wastedBytes ?? 0)),
      bootupMs: over((run) => run.bootup.find((b) => b.url === url)?.total),
      scriptingMs: over((run) => run.bootup.find((b) => b.url === url)?.scripting),
      longTasks: over((run) => run.longTasks.filter((task) => task.url === url).length),
    })),
  };
}

/** The report printed by `npm run bench -- --lighthouse`. */
export function lighthouseLines(summary, runs) {
  const within = (ok) => (ok ? 'within' : 'NOT within');
  const b = LIGHTHOUSE_BUDGETS;
  const lines = [
    `| metric | median (min–max) of ${summary.runs} runs | budget (issue 23) |`,
    '|---|---:|---|',
    `| Performance score | ${ranged(summary.score)} | ${b.score}: ${within(summary.score.median >= b.score)} |`,
    `| Total Blocking Time (ms) | ${ranged(summary.tbt)} | ≤ ${b.tbt} ms: ${within(summary.tbt.median <= b.tbt)} |`,
    `| unused JavaScript at load (KiB transferred) | ${ranged(summary.unusedJsKiB, 1)} | ≤ ${b.unusedJsKiB} KiB: ${within(summary.unusedJsKiB.median <= b.unusedJsKiB)} |`,
    `| First Contentful Paint (ms) | ${ranged(summary.fcp)} | – |`,
    `| Largest Contentful Paint (ms) | ${ranged(summary.lcp)} | – |`,
    `| Cumulative Layout Shift | ${ranged(summary.cls, 3)} | – |`,
    `| Speed Index (ms) | ${ranged(summary.speedIndex)} | – |`,
    `| main-thread work (ms) | ${ranged(summary.mainThreadWork)} | – |`,
    `| long tasks (count) | ${ranged(summary.longTaskCount)} | – |`,
    `| Lighthouse's CPU benchmark of this machine (benchmarkIndex; higher: faster) | ${ranged(summary.benchmarkIndex)} | – |`,
    '',
    '| script | transferred (KiB) | of which unused at load (KiB) | size (KiB) | main-thread time (ms; of it scripting) | long tasks |',
    '|---|---:|---:|---:|---:|---:|',
    ...summary.scripts.map(
      (s) =>
        `| ${pathOf(s.url)} | ${ranged(s.transferKiB, 1)} | ${ranged(s.unusedKiB, 1)} | ${ranged(s.resourceKiB, 1)} | ` +
        `${ranged(s.bootupMs)} (${ranged(s.scriptingMs)}) | ${ranged(s.longTasks)} |`,
    ),
    '',
    'Long tasks by run (Lighthouse\'s long-tasks audit: script, duration at the simulated 4× slower CPU, start):',
    ...runs.map(
      (run, index) =>
        `- run ${index + 1}: ${run.longTasks.length ? run.longTasks.map((t) => `${pathOf(t.url)} ${fmt(t.duration)} ms at ${fmt(t.startTime)} ms`).join('; ') : 'none'}`,
    ),
  ];
  // Which files of the bundle the unused bytes are in (Lighthouse names its five largest, from the source map).
  const medianRun = [...runs].sort((x, y) => x.unusedJs.bytes - y.unusedJs.bytes)[runs.length >> 1];
  for (const script of medianRun?.unusedJs.scripts ?? []) {
    if (!script.sources.length) continue;
    lines.push('', `Unused at load in ${pathOf(script.url)}, largest source files (run with the median total; KiB transferred, unused of total):`);
    for (const source of script.sources) lines.push(`- ${source.source}: ${fmt(kib(source.wastedBytes), 1)} of ${fmt(kib(source.bytes), 1)}`);
  }
  const percent = (fraction) => (fraction == null ? '–' : `${Math.round(fraction * 100)} %`);
  lines.push('', `Other work on this machine kept the CPUs busy, by run: ${runs.map((run, index) => `run ${index + 1}: ${percent(run.cpuBusyBefore)} before, ${percent(run.cpuBusyDuring)} during`).join('; ')}.`);
  const warnings = [...new Set(runs.flatMap((run) => run.warnings))];
  if (warnings.length) lines.push('', 'Lighthouse warned:', ...warnings.map((warning) => `- ${warning}`));
  return lines;
}
