// `npm run bench`: <member-map> (dist/member-map.iife.js) against raw Leaflet + markercluster with
// default options, in headless Chromium on this machine. See docs/performance.md.
//
//   npm run bench                                  all sizes, 5 runs per page and size
//   npm run bench -- --sizes 10000 --runs 3        one size, fewer runs (while tuning)
//   npm run bench -- --profile --sizes 10000       one CPU profile per page instead: top functions
//   npm run bench -- --serve                       only serve the pages, to open them in a browser
//   npm run bench -- --spiderfy 500                instead: 500 members at one point, click the cluster (spiderfy)
//   npm run bench -- --cpu-throttle 4              both pages with the CPU slowed down four times (a mid-range phone)
//   npm run bench -- --phases --sizes 1000         also time each step of a load, on both pages (a build with marks)
//   npm run bench -- --lighthouse                  instead: Lighthouse (mobile) on demo/plain.html served with gzip, 3 runs
//
// Options: --sizes a,b,…  --runs N  --warmup N (unrecorded pairs per size, default 1)  --seed N
//          --build (run `npm run build` first)  --bundle <file> (default dist/member-map.iife.js)
//          --out <file> (default bench/results.json)  --timeout <ms per page>  --port N (with --serve)
//          --wait-idle S (Linux: before each page load, wait up to S seconds until the CPUs are idle)
//          --priority=N (Linux: run the browser's processes at nice value N, e.g. --priority=-10; N < 0 needs root)
//          --spiderfy a,b,… (members at one point; replaces --sizes; with --profile: one profile of the click per page)
//          --cpu-throttle R (Chromium's CDP Emulation.setCPUThrottlingRate for every load of both pages; R = 4: four times slower)
//          --phases (measures a build of the classic script made with MEMBER_MAP_PHASES=1, see src/phase.ts, and prints
//            the medians of each step of the load next to the baseline's; not with --bundle)
//          --busy-clock thread|wall (how the main thread's busy time to the first clustered paint is timed: the CPU time
//            of its tasks, default, or their wall time)
//          --lighthouse (bench/lighthouse.js; --runs N, default 3; --out, default bench/results-lighthouse.json; --bundle,
//            --wait-idle and --serve work as above; with --wait-idle, a run during which other work kept the CPUs over
//            10 % busy is set aside and taken again, up to 2 × N times)
import { execFileSync, execSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, setPriority, tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROME_ARGS, findChrome } from '../scripts/chrome.js';
import { memberCollection, ONE_POINT, onePointCollection } from './members.js';
import { attachToPage, PIPE_ARGS, PIPE_STDIO, pipeConnection, throttlePage, watchBusy } from './cdp-pipe.js';
import { phaseTable } from './phases.js';
import { analyseProfile, profileLines } from './profile.js';
import { startServer } from './server.js';
import { describeSpiderfy, spiderfyOnce, spiderfyTable } from './spiderfy.js';
import { ROOT, sizeReport, sizeSummary } from './size.js';

const LAUNCH_ARGS = CHROME_ARGS; // the same flags as the browser tests
const VIEWPORT = { width: 1280, height: 800 };
const SIDES = { a: '(a) <member-map>', b: '(b) raw Leaflet.markercluster' };
/** Goals from issue 7: ratio a/b of the time to first clustered paint, and the longest task. */
const TIME_GOALS = { 1000: 1.1, 10000: 1.0, 50000: 0.8 };
const LONG_TASK_GOAL = { size: 10000, ms: 50 };
/** Budget from issue 23: ratio a/b of the main thread's busy time up to the first clustered paint. */
const BUSY_BUDGET = { sizes: [100, 1000], ratio: 1.4 };
/**
 * The clocks the busy time can be read in: `thread` (default) counts the CPU time the main thread
 * ran its tasks, so time taken from it by other processes on a busy machine does not count; `wall`
 * counts each task from its start to its end, which that time inflates.
 */
const BUSY_CLOCKS = { thread: 'threadTicks', wall: 'timeTicks' };
/**
 * How long the blank first page of a timing run stays before it opens the page under test (ms, at
 * least): the browser finishes starting meanwhile, and the DevTools session is set up.
 */
const GO_WAIT_MS = 1500;

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000,50000' },
    runs: { type: 'string' }, // default: 5, with --lighthouse 3
    warmup: { type: 'string', default: '1' },
    seed: { type: 'string', default: '7' },
    build: { type: 'boolean', default: false },
    bundle: { type: 'string', default: join(ROOT, 'dist/member-map.iife.js') },
    out: { type: 'string', default: join(ROOT, 'bench/results.json') },
    timeout: { type: 'string', default: '180000' },
    profile: { type: 'boolean', default: false },
    serve: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
    'wait-idle': { type: 'string' },
    priority: { type: 'string' },
    spiderfy: { type: 'string' },
    'cpu-throttle': { type: 'string' },
    phases: { type: 'boolean', default: false },
    'busy-clock': { type: 'string', default: 'thread' },
    lighthouse: { type: 'boolean', default: false },
  },
});

const parseSizes = (list) => list.split(',').map((size) => Number(size.replace(/[_\s]/g, '')));
/** With --spiderfy: the members-at-one-point scenario instead of the load scenario (bench/spiderfy.js). */
const spiderfy = options.spiderfy !== undefined;
const sizes = parseSizes(spiderfy ? options.spiderfy : options.sizes);
const runs = Number(options.runs ?? (options.lighthouse ? 3 : 5));
/** --busy-clock: how the busy time's tasks are timed (CDP Performance.enable's timeDomain). */
const busyClock = options['busy-clock'];
if (!BUSY_CLOCKS[busyClock]) fail(`--busy-clock takes ${Object.keys(BUSY_CLOCKS).join(' or ')}`);
const warmup = Number(options.warmup);
const timeout = Number(options.timeout);
/** With --cpu-throttle R: Chromium runs the page's main thread R times slower (undefined: not throttled). */
const cpuThrottle = options['cpu-throttle'] === undefined ? undefined : Number(options['cpu-throttle']);
if (cpuThrottle !== undefined && !(cpuThrottle >= 1)) fail('--cpu-throttle takes a rate of 1 or more (4: four times slower)');
if (cpuThrottle !== undefined && (options.profile || options.spiderfy !== undefined)) fail('--cpu-throttle is for the load benchmark, not with --profile or --spiderfy');
if (options.phases && (options.profile || options.spiderfy !== undefined)) fail('--phases is for the load benchmark, not with --profile or --spiderfy');
if (sizes.some((size) => !Number.isInteger(size) || size < 2) || !(runs >= 1) || !(warmup >= 0)) {
  fail('usage: npm run bench -- [--sizes 1000,10000 | --spiderfy 500] [--runs 5] [--warmup 1] [--profile] [--serve] [--build]');
}
/** The member file (and page path) of one size: `members-<n>.geojson`, or `members-one-point-<n>.geojson`. */
const dataset = (size) => (spiderfy ? `one-point-${size}` : String(size));

function fail(message) {
  console.error(`\nbench: ${message}`);
  process.exit(1);
}

const log = (message) => console.error(message);
const median = (values) => {
  const sorted = values.filter((value) => value != null).sort((x, y) => x - y);
  if (sorted.length === 0) return null;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
/** Median and range of a list of numbers. */
const spread = (values) => {
  const known = values.filter((value) => value != null);
  return { median: median(known), min: known.length ? Math.min(...known) : null, max: known.length ? Math.max(...known) : null };
};
const fmt = (value, digits = 0) => (value == null ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const mb = (bytes) => bytes / 1024 / 1024;

// --- a shared machine ------------------------------------------------------------------------

/** The CPUs' counters and what this benchmark (this process and its browsers) used, from /proc (Linux); undefined elsewhere. */
function cpuCounters() {
  const ours = () =>
    [process.pid, ...descendants()].reduce((sum, pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // utime + stime, and cutime + cstime: what its ended children (closed renderers) used
        return sum + Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      } catch {
        return sum; // ended meanwhile
      }
    }, 0);
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { idle: fields[3] + fields[4], total: fields.reduce((sum, value) => sum + value, 0), ours: ours() };
  } catch {
    return undefined;
  }
}

/** Fraction of all CPUs that work other than this benchmark kept busy between two readings of cpuCounters. */
function otherBusy(before, after) {
  if (!before || !after) return undefined;
  const total = after.total - before.total;
  const busy = total - (after.idle - before.idle) - Math.max(0, after.ours - before.ours);
  return total > 0 ? Math.max(0, busy / total) : 0;
}

/**
 * Fraction of all CPUs that work other than this benchmark (this process and its browser) kept busy
 * over `ms`, from /proc (Linux); undefined elsewhere.
 */
async function cpuBusy(ms = 500) {
  const before = cpuCounters();
  if (!before) return undefined;
  await new Promise((resolve) => setTimeout(resolve, ms));
  return otherBusy(before, cpuCounters());
}

/** Every process below this one (Linux, from /proc). */
function descendants(root = process.pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  const found = [];
  const walk = (pid) => (children.get(pid) ?? []).forEach((child) => (found.push(child), walk(child)));
  walk(root);
  return found;
}

/**
 * With --priority N: sets the nice value of the browser's processes (Chromium starts its renderers at
 * the default priority, so this runs again once a page's renderer exists).
 */
function prioritise() {
  if (options.priority === undefined || process.platform !== 'linux') return;
  for (const pid of descendants()) {
    // Linux nice values belong to threads: set every thread of the process.
    let threads = [pid];
    try {
      threads = readdirSync(`/proc/${pid}/task`).map(Number);
    } catch {
      // the process ended meanwhile
    }
    for (const thread of threads) {
      try {
        setPriority(thread, Number(options.priority));
      } catch {
        // gone, or not allowed: measure anyway
      }
    }
  }
}

/**
 * How busy the CPUs are just before a page load (our own browser is idle then, so this is other
 * work). With --wait-idle S, waits (at most S seconds) until less than 10 % of the CPUs is busy.
 */
async function waitForIdle() {
  let busy = await cpuBusy();
  if (options['wait-idle'] === undefined) return busy;
  const deadline = Date.now() + Number(options['wait-idle']) * 1000;
  let told = false;
  while (busy !== undefined && busy > 0.1 && Date.now() < deadline) {
    if (!told) log(`  waiting for an idle machine (CPUs ${Math.round(busy * 100)} % busy) …`);
    told = true;
    busy = await cpuBusy(1000);
  }
  if (busy > 0.1) log(`  WARNING: still ${Math.round(busy * 100)} % busy after ${options['wait-idle']} s; measuring anyway.`);
  return busy;
}

// --- the bundle under test -------------------------------------------------------------------

/** With --phases: a build of the classic script that keeps its performance marks (src/phase.ts), made for this run. */
function buildWithPhases() {
  if (process.argv.some((arg) => arg.startsWith('--bundle'))) fail('--phases measures a build of its own; leave out --bundle');
  const outDir = mkdtempSync(join(tmpdir(), 'member-map-phases-'));
  process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
  log('Building the classic script with its load marks (MEMBER_MAP_PHASES=1) …');
  execFileSync('npx', ['vite', 'build', '--mode', 'iife', '--outDir', outDir, '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, MEMBER_MAP_PHASES: '1' },
  });
  return join(outDir, 'member-map.iife.js');
}

const bundlePath = options.phases ? buildWithPhases() : resolve(options.bundle);
// A fresh checkout has no dist/ yet: build it instead of failing (a --bundle of one's own must exist).
const firstBuild = bundlePath === join(ROOT, 'dist/member-map.iife.js') && !existsSync(bundlePath);
if (options.build || firstBuild) {
  log(`Building${firstBuild ? ' (no dist/ yet)' : ''}: npm run build …`);
  execSync('npm run build', { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}
if (!existsSync(bundlePath)) {
  fail(`${relative(ROOT, bundlePath)} is missing. Run \`npm run build\` first (or \`npm run bench -- --build\`).`);
}
warnIfStale(bundlePath);

/** Warns when a file under src/ is newer than the bundle: the numbers would not be for the current code. */
function warnIfStale(bundle) {
  if (bundle !== join(ROOT, 'dist/member-map.iife.js')) return;
  const built = statSync(bundle).mtimeMs;
  const newer = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (statSync(path).mtimeMs > built) newer.push(relative(ROOT, path));
    }
  };
  walk(join(ROOT, 'src'));
  if (newer.length) {
    log(`WARNING: ${newer.slice(0, 3).join(', ')}${newer.length > 3 ? ` and ${newer.length - 3} more` : ''} changed after ` +
      'the bundle was built; run `npm run build` (or pass --build) to measure the current code.');
  }
}

function git(args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

// Snapshot the bundle's folder, so a rebuild during the run cannot mix two versions of it.
const work = mkdtempSync(join(tmpdir(), 'member-map-bench-'));
const bundleDir = join(work, 'dist');
const dataDir = join(work, 'data');
mkdirSync(bundleDir);
mkdirSync(dataDir);
for (const entry of readdirSync(dirname(bundlePath), { withFileTypes: true })) {
  if (entry.isFile()) copyFileSync(join(dirname(bundlePath), entry.name), join(bundleDir, entry.name));
}
const bundleName = basename(bundlePath);
const bundleBytes = readFileSync(join(bundleDir, bundleName));
const cleanup = () => rmSync(work, { recursive: true, force: true });
process.on('exit', cleanup);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

for (const size of options.lighthouse ? [] : sizes) {
  const collection = spiderfy ? onePointCollection(size, Number(options.seed)) : memberCollection(size, Number(options.seed));
  writeFileSync(join(dataDir, `members-${dataset(size)}.geojson`), JSON.stringify(collection));
}

/** The report a page posts in a timing run (see measureTimes), handed to whoever waits for it. */
let onPageReport = () => {};
const server = await startServer({
  // --lighthouse: demo/plain.html with its relative links to ../dist/ and ../data/members.geojson,
  // gzip-compressed as a web server sends it.
  dataDir: options.lighthouse ? join(ROOT, 'data') : dataDir,
  bundleDir,
  bundleName,
  root: ROOT,
  port: Number(options.port),
  onReport: (report) => onPageReport(report),
  mounts: options.lighthouse ? [['/demo/', join(ROOT, 'demo')]] : [],
  gzip: options.lighthouse,
});
const LIGHTHOUSE_PAGE = '/demo/plain.html';

if (options.serve && options.lighthouse) {
  log(`Serving on ${server.origin} with gzip (Ctrl+C to stop): ${server.origin}${LIGHTHOUSE_PAGE}`);
  await new Promise(() => {});
}
if (options.serve) {
  log(`Serving on ${server.origin} (Ctrl+C to stop):`);
  for (const size of sizes) log(`  ${size}${spiderfy ? ' at one point' : ''}: ${server.origin}/a/${dataset(size)}   ${server.origin}/b/${dataset(size)}`);
  await new Promise(() => {});
}

// --- the browser ----------------------------------------------------------------------------

const executablePath = findChrome();
if (!executablePath) fail('no Chrome/Chromium found: run `node scripts/chrome.js --ensure` or set CHROME_PATH.');

// --- Lighthouse mode (--lighthouse) ------------------------------------------------------------

if (options.lighthouse) {
  const { lighthouseLines, lighthouseRuns, summariseLighthouse } = await import('./lighthouse.js');
  const out = resolve(options.out === join(ROOT, 'bench/results.json') ? join(ROOT, 'bench/results-lighthouse.json') : options.out);
  const reportDir = join(ROOT, 'bench/lighthouse-reports');
  mkdirSync(reportDir, { recursive: true });
  const startBusy = await cpuBusy(1000);
  if (startBusy > 0.1) log(`WARNING: other work keeps the CPUs ${Math.round(startBusy * 100)} % busy: the numbers will be noisy (see --wait-idle).`);
  log(`Lighthouse (default mobile setting) on ${server.origin}${LIGHTHOUSE_PAGE}, served with gzip; ${runs} run(s); ${executablePath}`);
  let runsDone;
  let discarded;
  let about = {};
  try {
    ({ runs: runsDone, discarded } = await lighthouseRuns({
      url: `${server.origin}${LIGHTHOUSE_PAGE}`,
      runs,
      executablePath,
      launchArgs: LAUNCH_ARGS,
      workDir: work,
      beforeRun: waitForIdle,
      watchCpu: () => {
        const start = cpuCounters();
        // --priority: the browser's processes, renderers included as they start, at that nice value.
        const timer = options.priority === undefined ? undefined : setInterval(prioritise, 250);
        return () => (clearInterval(timer), otherBusy(start, cpuCounters()));
      },
      // With --wait-idle, a run disturbed by other work (over 10 % of the CPUs) is taken again, up to 2 × --runs times in all.
      retryBusy: options['wait-idle'] === undefined ? { over: 1, times: 0 } : { over: 0.1, times: 2 * runs },
      onDiscard: (index, run) =>
        log(`  run ${index + 1}/${runs} set aside: other work kept the CPUs ${Math.round(run.cpuBusyDuring * 100)} % busy during it (score ${fmt(run.score)}, TBT ${fmt(run.tbt)} ms); again …`),
      onRun: (index, lhr, run) => {
        // The whole report, to open in Lighthouse's viewer (gitignored).
        writeFileSync(join(reportDir, `plain-run-${index + 1}.json`), JSON.stringify(lhr));
        about = { lighthouse: lhr.lighthouseVersion, userAgent: lhr.environment?.hostUserAgent, formFactor: lhr.configSettings.formFactor, throttlingMethod: lhr.configSettings.throttlingMethod, throttling: lhr.configSettings.throttling, screenEmulation: lhr.configSettings.screenEmulation };
        log(`  run ${index + 1}/${runs}: score ${fmt(run.score)}, TBT ${fmt(run.tbt)} ms, unused JS ${fmt(run.unusedJs.bytes / 1024, 1)} KiB, FCP ${fmt(run.fcp)} ms, LCP ${fmt(run.lcp)} ms, CLS ${fmt(run.cls, 3)}` +
          (run.cpuBusyDuring == null ? '' : `; other work kept the CPUs ${Math.round(run.cpuBusyDuring * 100)} % busy during the run`));
      },
    }));
  } catch (error) {
    await server.close();
    fail(`Lighthouse: ${error.stack ?? error}`);
  }
  await server.close();
  const summary = summariseLighthouse(runsDone);
  console.log('');
  console.log(`Lighthouse ${about.lighthouse}, ${about.formFactor}, ${about.throttlingMethod} throttling (CPU ${about.throttling?.cpuSlowdownMultiplier}× slower, ` +
    `RTT ${about.throttling?.rttMs} ms, ${fmt((about.throttling?.throughputKbps ?? 0) / 1024, 1)} Mbit/s), on ${LIGHTHOUSE_PAGE} served with gzip; ${runs} run(s).`);
  console.log('');
  console.log(lighthouseLines(summary, runsDone).join('\n'));
  if (discarded.length) {
    console.log(`\n${discarded.length} run(s) set aside and taken again, because other work kept the CPUs over 10 % busy during them ` +
      `(${discarded.map((run) => `${Math.round(run.cpuBusyDuring * 100)} %: score ${fmt(run.score)}, TBT ${fmt(run.tbt)} ms`).join('; ')}).`);
  }
  const busyRuns = runsDone.filter((run) => Math.max(run.cpuBusyBefore ?? 0, run.cpuBusyDuring ?? 0) > 0.1).length;
  if (busyRuns) log(`WARNING: in ${busyRuns} of ${runsDone.length} runs other work kept the CPUs more than 10 % busy (before or during the run; see --wait-idle).`);
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        scenario: 'lighthouse',
        date: new Date().toISOString(),
        command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
        machine: { cpus: cpus().length, cpu: cpus()[0]?.model, otherCpuBusyAtStart: startBusy },
        node: process.version,
        ...about,
        page: LIGHTHOUSE_PAGE,
        git:
          bundlePath === join(ROOT, 'dist/member-map.iife.js')
            ? { commit: git(['rev-parse', '--short', 'HEAD']), srcChanged: Boolean(git(['status', '--porcelain', '--', 'src'])) }
            : { note: 'bundle given with --bundle: built from an unknown commit' },
        bundle: { file: relative(ROOT, bundlePath), bytes: bundleBytes.length, sha256: createHash('sha256').update(bundleBytes).digest('hex') },
        summary,
        runs: runsDone,
        // Runs taken again because other work disturbed them (--wait-idle).
        discarded,
      },
      null,
      2,
    )}\n`,
  );
  log(`\nWrote ${relative(process.cwd(), out)} (whole reports: ${relative(process.cwd(), reportDir)}/).`);
  process.exit(0);
}
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath, headless: true, args: LAUNCH_ARGS });

/**
 * Loads one page in a fresh browser context (cold caches, its own renderer) and returns what the
 * probe reported plus the JS heap after a forced GC. Throws when the page fails or shows the
 * wrong number of members. `then(page, cdp)`, if given, runs on the loaded page instead,
 * and its result is returned.
 */
async function measure(side, size, { profile = false, then } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const messages = [];
    page.on('console', (message) => {
      if (['error', 'warning'].includes(message.type()) && messages.length < 5) messages.push(`${message.type()}: ${message.text().slice(0, 300)}`);
    });
    let settle;
    const reported = new Promise((resolve) => (settle = resolve));
    await page.exposeFunction('__benchReport', (data) => settle(data));
    const pageErrors = [];
    page.on('pageerror', (error) => {
      pageErrors.push(error.message);
      settle({ error: `page error: ${error.message}` });
    });
    // Durations in thread CPU time: what the page cost the main thread, whatever else the machine runs.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    if (cpuThrottle !== undefined) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    prioritise();
    await page.goto(`${server.origin}/${side}/${dataset(size)}`, { waitUntil: 'commit', timeout });
    prioritise();
    let timer;
    const report = await Promise.race([
      reported,
      new Promise((resolve) => (timer = setTimeout(() => resolve({ error: `no clustered paint within ${timeout} ms` }), timeout))),
    ]);
    clearTimeout(timer);
    const metrics = report.error ? {} : Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((metric) => [metric.name, metric.value]));
    const cpuProfile = profile ? (await cdp.send('Profiler.stop')).profile : undefined;
    if (report.error) throw new Error(`${SIDES[side]}, ${size} members: ${report.error}${messages.length ? `\n  console: ${messages.join('\n  console: ')}` : ''}`);
    if (report.count !== size || report.shown.total !== size) {
      throw new Error(
        `${SIDES[side]}, ${size} members: the map does not show every member: reported count ${report.count}, ` +
          `shown in view ${report.shown.total} (${report.shown.markers} markers + ${report.shown.clusters} clusters, ` +
          `${report.shown.outside} icons outside the map)`,
      );
    }
    if (then) {
      const result = await then(page, cdp);
      if (pageErrors.length) throw new Error(`${SIDES[side]}, ${size} members: page error: ${pageErrors[0]}`);
      result.console = messages;
      return result;
    }
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const during = report.longTasks.filter((task) => task.start < report.paint);
    const longest = during.reduce((max, task) => Math.max(max, task.duration), 0);
    return {
      side,
      size,
      paint: report.paint,
      ready: report.ready,
      domContentLoaded: report.domContentLoaded,
      longestTask: longest,
      longTasks: during.length,
      blocking: during.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
      heap: heap.usedSize,
      // Main-thread CPU (ms) from navigation until the report, 50 ms after the clustered paint.
      cpu: {
        task: metrics.TaskDuration * 1000,
        script: metrics.ScriptDuration * 1000,
        compile: metrics.V8CompileDuration * 1000,
        style: metrics.RecalcStyleDuration * 1000,
        layout: metrics.LayoutDuration * 1000,
        thread: metrics.ThreadTime * 1000,
        process: metrics.ProcessTime * 1000,
      },
      shown: report.shown,
      zoom: report.zoom,
      skipped: report.skipped,
      requests: report.resources.map((resource) => `${resource.status ?? '?'} ${new URL(resource.url).pathname}`),
      longFrames: report.frames
        .filter((frame) => frame.start < report.paint)
        .sort((x, y) => y.duration - x.duration)
        .slice(0, 3),
      console: messages,
      cpuProfile,
    };
  } finally {
    await context.close();
  }
}

/**
 * Loads one page in a browser started for it alone, without playwright, and returns the probe's
 * timings: time to the clustered paint, the main thread's busy time up to it, the long tasks
 * before it and the longest animation frames.
 *
 * Why not playwright for these: playwright enables DevTools' Network domain on every page, and
 * then Chromium decodes each finished response body on the page's main thread for the inspector,
 * a task of 50–250 ms for the 3 MB file of 10,000 members that no visitor's browser runs (measured
 * with a page that only fetches the file: a long task under playwright, none without DevTools).
 * It would land in the longest-task column of both pages and add to both paint times.
 *
 * The browser takes protocol messages over a pipe, used on the first (blank) page before it opens
 * the page under test: for Performance.enable and a binding through which the page asks for
 * Performance.getMetrics at its first clustered paint (busy time: TaskDuration, see
 * bench/cdp-pipe.js), and with --cpu-throttle for Emulation.setCPUThrottlingRate. Only the
 * Runtime and Performance domains are enabled, never Network.
 */
async function measureTimes(side, size) {
  const userData = mkdtempSync(join(work, 'chromium-'));
  const reported = new Promise((resolve) => (onPageReport = resolve));
  const browserProcess = spawn(
    executablePath,
    [
      ...LAUNCH_ARGS,
      '--headless=new',
      `--user-data-dir=${userData}`,
      `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
      '--hide-scrollbars',
      '--force-device-scale-factor=1',
      ...PIPE_ARGS,
      `${server.origin}/__go?wait=hold`,
    ],
    // Its own process group, so that the whole browser (renderers included) can be stopped at once.
    { stdio: PIPE_STDIO, detached: true },
  );
  const exited = new Promise((resolve) => browserProcess.once('exit', resolve));
  const connection = pipeConnection(browserProcess);
  let busyReading;
  {
    const started = Date.now();
    const gone = exited.then(() => Promise.reject(new Error('the browser exited')));
    // The blank first page (wait=hold) stays until it is told to open the page under test: once
    // the session is set up and the browser has had GO_WAIT_MS to finish starting.
    const setUp = async () => {
      const sessionId = await attachToPage(connection, server.origin, { timeoutMs: 10000 });
      if (cpuThrottle !== undefined) await throttlePage(connection, sessionId, cpuThrottle);
      busyReading = (await watchBusy(connection, sessionId, { timeDomain: BUSY_CLOCKS[busyClock] })).reading;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + GO_WAIT_MS - Date.now())));
      // The tab may still show its initial about:blank document: wait for the /__go page itself.
      const evaluate = async (expression) => {
        const { result, exceptionDetails } = await connection.send('Runtime.evaluate', { expression, returnByValue: true }, sessionId);
        if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
        return result.value;
      };
      while ((await evaluate('document.readyState === "complete" && location.pathname')) !== '/__go') {
        if (Date.now() > started + 30000) throw new Error('the blank first page did not load');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await evaluate(`location.replace(${JSON.stringify(`/${side}/${dataset(size)}`)})`);
    };
    const failed = await Promise.race([setUp(), gone]).then(
      () => undefined,
      (error) => String(error),
    );
    if (failed) {
      try {
        process.kill(-browserProcess.pid, 'SIGKILL');
      } catch {
        // exited already
      }
      await exited;
      throw new Error(`${SIDES[side]}, ${size} members (timing run): ${failed}`);
    }
  }
  setTimeout(prioritise, 1000); // once the renderer exists
  let timer;
  const report = await Promise.race([
    reported,
    exited.then(() => ({ error: 'the browser exited' })),
    new Promise((resolve) => (timer = setTimeout(() => resolve({ error: `no clustered paint within ${timeout} ms` }), timeout))),
  ]);
  clearTimeout(timer);
  // The page asked for these readings at its paint and just before it reported: they are in by
  // now, or will be shortly.
  const within = (promise) => Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve({ error: 'no reading' }), 5000))]);
  const busy = report.error ? undefined : await within(busyReading('paint'));
  const busyAtReport = report.error ? undefined : await within(busyReading('report'));
  try {
    process.kill(-browserProcess.pid, 'SIGKILL');
  } catch {
    // exited already
  }
  await exited;
  rmSync(userData, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  if (report.error) throw new Error(`${SIDES[side]}, ${size} members (timing run): ${report.error}`);
  if (report.count !== size || report.shown.total !== size) {
    throw new Error(`${SIDES[side]}, ${size} members (timing run): shows ${report.shown.total} of ${size} members in view`);
  }
  if (busy.error) throw new Error(`${SIDES[side]}, ${size} members (timing run): main-thread metrics: ${busy.error}`);
  const during = report.longTasks.filter((task) => task.start < report.paint);
  return {
    paint: report.paint,
    // Busy time: the main thread's tasks from the navigation until the reading (ms), and when the
    // reading was taken (ms after the navigation; it lags the paint by the pipe's round trip, and
    // tasks run in that lag count too).
    busy: {
      task: busy.TaskDuration * 1000,
      script: busy.ScriptDuration * 1000,
      style: busy.RecalcStyleDuration * 1000,
      layout: busy.LayoutDuration * 1000,
      readAt: (busy.Timestamp - busy.NavigationStart) * 1000,
      lag: (busy.Timestamp - busy.NavigationStart) * 1000 - report.paint,
      // The same when the page reports, 50 ms after the paint (what the playwright load's CPU column spans).
      atReport: busyAtReport.error ? null : busyAtReport.TaskDuration * 1000,
    },
    ready: report.ready,
    frame: report.frame,
    longestTask: during.reduce((max, task) => Math.max(max, task.duration), 0),
    longTasks: during.length,
    blocking: during.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
    longTaskList: during.map(({ start, duration }) => ({ start: Math.round(start), duration })),
    marks: report.marks,
    longFrames: report.frames
      .filter((frame) => frame.start < report.paint)
      .sort((x, y) => y.duration - x.duration)
      .slice(0, 3),
  };
}

const describe = (m) =>
  `${String(m.size).padStart(6)} ${m.side}: paint ${fmt(m.paint)} ms, busy to paint ${fmt(m.busy?.task)} ms (read ${fmt(m.busy?.lag, 1)} ms after), ` +
  `main-thread CPU ${fmt(m.cpu.task)} ms, longest task ${fmt(m.longestTask)} ms ` +
  `(${m.longTasks} long), heap ${fmt(mb(m.heap), 1)} MB, shown ${m.shown.markers} markers + ${m.shown.clusters} clusters`;

/** Source maps for the profiles: the bundle under test and the two raw libraries. */
const profileScripts = {
  [`/dist/${bundleName}`]: join(bundleDir, `${bundleName}.map`),
  '/vendor/leaflet/leaflet.js': join(ROOT, 'node_modules/leaflet/dist/leaflet.js.map'),
  '/vendor/markercluster/leaflet.markercluster.js': join(ROOT, 'node_modules/leaflet.markercluster/dist/leaflet.markercluster.js.map'),
};

// --- spiderfy mode (--spiderfy N) -------------------------------------------------------------

if (spiderfy) {
  /** Loads the page with `size` members at one point, then clicks the cluster (bench/spiderfy.js). */
  const click = (side, size, { profile = false } = {}) =>
    measure(side, size, {
      then: (page, cdp) => spiderfyOnce(page, cdp, { side, size, timeout, profile, label: `${SIDES[side]}, ${size} members at one point` }),
    });

  if (options.profile) {
    const profileDir = join(ROOT, 'bench/profiles');
    mkdirSync(profileDir, { recursive: true });
    try {
      for (const size of sizes) {
        for (let i = 0; i < warmup; i++) for (const side of ['a', 'b']) await click(side, size);
        for (const side of ['a', 'b']) {
          const m = await click(side, size, { profile: true });
          const file = join(profileDir, `spiderfy-${side}-${size}.cpuprofile`);
          writeFileSync(file, JSON.stringify(m.cpuProfile));
          console.log(`\n## ${SIDES[side]}, click on ${size} members at one point (profiled; times are inflated by the profiler)\n`);
          console.log(describeSpiderfy(m));
          const lines = profileLines(analyseProfile(m.cpuProfile, { scripts: profileScripts }), m, 20, {
            span: 'from the click to the painted frame',
            frames: 'from the click on (start: ms after the click)',
          });
          console.log(lines.join('\n'));
          console.log(`\nFull profile: ${relative(process.cwd(), file)} (open it in Chrome DevTools → Performance).`);
        }
      }
    } finally {
      await browser.close();
      await server.close();
    }
    process.exit(0);
  }

  const startLoad = loadavg()[0];
  const startBusy = await cpuBusy(1000);
  if (startBusy > 0.1) {
    log(`WARNING: other work keeps the CPUs ${Math.round(startBusy * 100)} % busy: the numbers will be noisy (see --wait-idle).`);
  }
  log(`Benchmark (spiderfy): ${sizes.join(', ')} members at one point; ${runs} run(s) per page and size, ${warmup} warm-up pair(s); ${executablePath} ${browser.version()}`);
  const results = [];
  try {
    for (const size of sizes) {
      for (let i = 0; i < warmup; i++) for (const side of ['a', 'b']) await click(side, size);
      const measured = { a: [], b: [] };
      for (let run = 0; run < runs; run++) {
        for (const side of run % 2 ? ['b', 'a'] : ['a', 'b']) {
          const busyBefore = await waitForIdle();
          const m = await click(side, size);
          m.cpuBusyBefore = busyBefore;
          m.loadAverage = loadavg()[0];
          log(`${describeSpiderfy(m)}   [run ${run + 1}/${runs}]`);
          measured[side].push(m);
        }
      }
      const side = (list) => ({
        paint: median(list.map((m) => m.paint)),
        longestTask: median(list.map((m) => m.longestTask)),
        cpu: median(list.map((m) => m.cpu)),
        clickEvent: median(list.map((m) => m.clickEvent?.duration)),
        markersInView: median(list.map((m) => m.markersInView)),
      });
      const a = side(measured.a);
      const b = side(measured.b);
      const strip = ({ cpuProfile, ...rest }) => rest;
      results.push({
        size,
        a,
        b,
        ratio: { paint: ratio(a.paint, b.paint), longestTask: ratio(a.longestTask, b.longestTask), cpu: ratio(a.cpu, b.cpu) },
        runs: { a: measured.a.map(strip), b: measured.b.map(strip) },
      });
    }
  } catch (error) {
    await browser.close().catch(() => {});
    await server.close();
    fail(error.message);
  }
  const chromiumVersion = browser.version();
  await browser.close();
  await server.close();

  console.log('');
  console.log(`Medians of ${runs} run(s) per page; N members at one point; (a) <member-map>, (b) raw Leaflet 1.9 + leaflet.markercluster (defaults).`);
  console.log('Click → spiderfied paint: from the click event to the frame that shows all N markers and legs (its frame is over');
  console.log('when the next animation frame callback runs). Longest task: of the tasks between the click and that frame; 0 means');
  console.log('none over 50 ms. Main-thread CPU: thread time from the click to that frame. Click → next paint (Event Timing): the');
  console.log("browser's own measure, until that frame was presented on screen (8 ms steps). Markers in view: centre inside the map.");
  console.log('');
  console.log(spiderfyTable(results).join('\n'));
  const loads = results.flatMap((r) => [...r.runs.a, ...r.runs.b]);
  const busyLoads = loads.filter((m) => m.cpuBusyBefore > 0.1).length;
  if (busyLoads > 0) {
    log(`WARNING: ${busyLoads} of ${loads.length} page loads started while other work kept the CPUs more than 10 % busy; ` +
      'take the numbers again on an idle machine (or use --wait-idle).');
  }
  writeFileSync(
    resolve(options.out),
    `${JSON.stringify(
      {
        scenario: 'spiderfy',
        date: new Date().toISOString(),
        command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
        machine: { cpus: cpus().length, cpu: cpus()[0]?.model, otherCpuBusyAtStart: startBusy, loadAverageAtStart: startLoad, loadAverageAtEnd: loadavg() },
        node: process.version,
        chromium: chromiumVersion,
        git:
          bundlePath === join(ROOT, 'dist/member-map.iife.js')
            ? { commit: git(['rev-parse', '--short', 'HEAD']), srcChanged: Boolean(git(['status', '--porcelain', '--', 'src'])) }
            : { note: 'bundle given with --bundle: built from an unknown commit' },
        bundle: { file: relative(ROOT, bundlePath), bytes: bundleBytes.length, sha256: createHash('sha256').update(bundleBytes).digest('hex') },
        settings: { spiderfy: sizes, runs, warmup, seed: Number(options.seed), viewport: VIEWPORT, mapHeight: 600, onePoint: ONE_POINT },
        results,
      },
      null,
      2,
    )}\n`,
  );
  log(`\nWrote ${relative(process.cwd(), resolve(options.out))}.`);
  process.exit(0);
}

// --- profile mode ---------------------------------------------------------------------------

if (options.profile) {
  const profileDir = join(ROOT, 'bench/profiles');
  mkdirSync(profileDir, { recursive: true });
  const scripts = profileScripts;
  try {
    for (const size of sizes) {
      for (let i = 0; i < warmup; i++) for (const side of ['a', 'b']) await measure(side, size);
      for (const side of ['a', 'b']) {
        const m = await measure(side, size, { profile: true });
        const file = join(profileDir, `${side}-${size}.cpuprofile`);
        writeFileSync(file, JSON.stringify(m.cpuProfile));
        console.log(`\n## ${SIDES[side]}, ${size} members (profiled; times are inflated by the profiler)\n`);
        console.log(describe(m));
        console.log(profileLines(analyseProfile(m.cpuProfile, { scripts }), m).join('\n'));
        console.log(`\nFull profile: ${relative(process.cwd(), file)} (open it in Chrome DevTools → Performance).`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  process.exit(0);
}

// --- measurement mode -----------------------------------------------------------------------

const startLoad = loadavg()[0];
const startBusy = await cpuBusy(1000);
if (startBusy > 0.1) {
  log(`WARNING: other work keeps the CPUs ${Math.round(startBusy * 100)} % busy: the numbers will be noisy (see --wait-idle).`);
}
log(`Benchmark: sizes ${sizes.join(', ')}; ${runs} run(s) per page and size, ${warmup} warm-up pair(s)${cpuThrottle === undefined ? '' : `, CPU throttled ${cpuThrottle}×`}; ${executablePath} ${browser.version()}`);

const results = [];
try {
  for (const size of sizes) {
    for (let i = 0; i < warmup; i++) for (const side of ['a', 'b']) await measure(side, size), await measureTimes(side, size);
    const measured = { a: [], b: [] };
    for (let run = 0; run < runs; run++) {
      // a, b then b, a: neither page always goes first.
      for (const side of run % 2 ? ['b', 'a'] : ['a', 'b']) {
        const busyBefore = await waitForIdle();
        const withDevTools = await measure(side, size);
        // Paint, busy time and long tasks from a load without playwright; CPU, heap and the checks from this one.
        const busyBeforeTimes = await waitForIdle();
        const times = await measureTimes(side, size);
        const { paint, ready, longestTask, longTasks, blocking, longFrames } = withDevTools;
        const m = { ...withDevTools, ...times, withDevTools: { paint, ready, longestTask, longTasks, blocking, longFrames } };
        m.cpuBusyBefore = Math.max(busyBefore ?? 0, busyBeforeTimes ?? 0);
        m.loadAverage = loadavg()[0];
        log(`${describe(m)}   [run ${run + 1}/${runs}]`);
        measured[side].push(m);
      }
    }
    results.push(summarise(size, measured));
  }
} catch (error) {
  await browser.close().catch(() => {});
  await server.close();
  fail(error.message);
}
const chromiumVersion = browser.version();
await browser.close();
await server.close();

/** One page's wall and busy times to the first clustered paint over its runs, with their range. */
function firstPaintOf(list) {
  return {
    paint: spread(list.map((m) => m.paint)),
    busy: spread(list.map((m) => m.busy?.task)),
    lag: spread(list.map((m) => m.busy?.lag)),
    busyAtReport: spread(list.map((m) => m.busy?.atReport)),
  };
}

function summarise(size, measured) {
  const side = (list) => ({
    paint: median(list.map((m) => m.paint)),
    frame: median(list.map((m) => m.frame)),
    longestTask: median(list.map((m) => m.longestTask)),
    blocking: median(list.map((m) => m.blocking)),
    heap: median(list.map((m) => m.heap)),
    cpu: median(list.map((m) => m.cpu.task)),
    script: median(list.map((m) => m.cpu.script)),
    styleLayout: median(list.map((m) => m.cpu.style + m.cpu.layout)),
    icons: median(list.map((m) => m.shown.markers + m.shown.clusters)),
  });
  const a = side(measured.a);
  const b = side(measured.b);
  // Issue 23's table: wall time and busy time to the first clustered paint, with their range, and
  // the ratio of the medians next to the range of the ratios of the interleaved pairs (run i of (a)
  // and run i of (b) were loaded one right after the other).
  const pairs = (pick) => measured.a.map((m, i) => ratio(pick(m), pick(measured.b[i] ?? {})));
  const firstPaint = {
    a: firstPaintOf(measured.a),
    b: firstPaintOf(measured.b),
  };
  firstPaint.ratio = {
    paint: { ofMedians: ratio(firstPaint.a.paint.median, firstPaint.b.paint.median), ...spread(pairs((m) => m.paint)) },
    busy: { ofMedians: ratio(firstPaint.a.busy.median, firstPaint.b.busy.median), ...spread(pairs((m) => m.busy?.task)) },
  };
  const strip = ({ cpuProfile, ...rest }) => rest;
  return {
    size,
    a,
    b,
    ratio: { paint: ratio(a.paint, b.paint), frame: ratio(a.frame, b.frame), cpu: ratio(a.cpu, b.cpu), longestTask: ratio(a.longestTask, b.longestTask), heap: ratio(a.heap, b.heap) },
    firstPaint,
    runs: { a: measured.a.map(strip), b: measured.b.map(strip) },
  };
}

// --- report -----------------------------------------------------------------------------------

let size;
try {
  size = await sizeReport(ROOT, join(bundleDir, bundleName));
  size.file = relative(ROOT, bundlePath).startsWith('..') ? bundlePath : relative(ROOT, bundlePath);
} catch (error) {
  size = undefined;
  log(`size: ${error.message}`);
}

const lines = [
  `| members | first clustered paint a / b (ms) | ratio a/b | main-thread CPU a / b (ms) | ratio a/b | longest task a / b (ms) | ratio a/b | JS heap a / b (MB) | ratio a/b | icons a / b |`,
  `|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
  ...results.map(
    (r) =>
      `| ${fmt(r.size)} | ${fmt(r.a.paint)} / ${fmt(r.b.paint)} | ${fmt(r.ratio.paint, 2)} | ` +
      `${fmt(r.a.cpu)} / ${fmt(r.b.cpu)} | ${fmt(r.ratio.cpu, 2)} | ` +
      `${fmt(r.a.longestTask)} / ${fmt(r.b.longestTask)} | ${fmt(r.ratio.longestTask, 2)} | ` +
      `${fmt(mb(r.a.heap), 1)} / ${fmt(mb(r.b.heap), 1)} | ${fmt(r.ratio.heap, 2)} | ${fmt(r.a.icons)} / ${fmt(r.b.icons)} |`,
  ),
];
const goals = [];
for (const r of results) {
  const goal = TIME_GOALS[r.size];
  if (goal) goals.push(`- ${fmt(r.size)} members: paint ratio ${fmt(r.ratio.paint, 2)} (goal ≤ ${fmt(goal, 2)}): ${r.ratio.paint <= goal ? 'met' : 'NOT met'}`);
  if (r.size === LONG_TASK_GOAL.size) {
    goals.push(`- ${fmt(r.size)} members: longest task ${fmt(r.a.longestTask)} ms (goal ≤ ${LONG_TASK_GOAL.ms} ms): ${r.a.longestTask <= LONG_TASK_GOAL.ms ? 'met' : 'NOT met'}`);
  }
}

/** "median (min–max)" */
const ranged = (value, digits = 0) => (value.median == null ? '–' : `${fmt(value.median, digits)} (${fmt(value.min, digits)}–${fmt(value.max, digits)})`);
const firstPaintLines = [
  `| members | first clustered paint (a) ms | (b) ms | ratio a/b | main-thread busy to that paint (a) ms | (b) ms | ratio a/b | budget |`,
  `|---:|---:|---:|---:|---:|---:|---:|---|`,
  ...results.map((r) => {
    const f = r.firstPaint;
    const budgeted = BUSY_BUDGET.sizes.includes(r.size);
    const within = f.ratio.busy.ofMedians != null && f.ratio.busy.ofMedians <= BUSY_BUDGET.ratio;
    return (
      `| ${fmt(r.size)} | ${ranged(f.a.paint)} | ${ranged(f.b.paint)} | ${fmt(f.ratio.paint.ofMedians, 2)} (${fmt(f.ratio.paint.min, 2)}–${fmt(f.ratio.paint.max, 2)}) | ` +
      `${ranged(f.a.busy)} | ${ranged(f.b.busy)} | ${fmt(f.ratio.busy.ofMedians, 2)} (${fmt(f.ratio.busy.min, 2)}–${fmt(f.ratio.busy.max, 2)}) | ` +
      `${budgeted ? `busy ≤ ${fmt(BUSY_BUDGET.ratio, 1)}: ${within ? 'within' : 'NOT within'}` : '–'} |`
    );
  }),
];

console.log('');
console.log(`First clustered paint and the main thread's busy time up to it: median (min–max) of ${runs} interleaved run(s) per page;`);
console.log('ratio: of the medians (min–max of the ratios of the a/b pairs). Both from a browser started without playwright for each');
console.log(`load; busy: CDP Performance.getMetrics TaskDuration (clock: ${busyClock === 'thread' ? 'thread CPU time' : 'wall time'} of each main-thread task) from the`);
console.log('navigation, read when the page reaches that paint. Budget (issue 23, a report, not a failure): busy ratio');
console.log(`≤ ${fmt(BUSY_BUDGET.ratio, 1)} at ${BUSY_BUDGET.sizes.map((n) => fmt(n)).join(' and ')} members.`);
console.log('');
console.log(firstPaintLines.join('\n'));
const lags = results.flatMap((r) => [...r.runs.a, ...r.runs.b]).map((m) => m.busy?.lag);
console.log(`The busy time was read ${ranged(spread(lags), 1)} ms after the paint (tasks in that lag count too).`);
console.log('Busy time read again when the page reports, 50 ms after the paint (the span of the main-thread CPU column below):');
for (const r of results) {
  const f = r.firstPaint;
  console.log(`- ${fmt(r.size)} members: ${ranged(f.a.busyAtReport)} / ${ranged(f.b.busyAtReport)} ms, ratio ${fmt(ratio(f.a.busyAtReport.median, f.b.busyAtReport.median), 2)}`);
}

console.log('');
console.log(`Medians of ${runs} run(s) per page; (a) <member-map>, (b) raw Leaflet 1.9 + leaflet.markercluster (defaults, addLayers).`);
if (cpuThrottle !== undefined) console.log(`Both pages with the CPU throttled ${cpuThrottle}× (Emulation.setCPUThrottlingRate), in every load.`);
console.log('Paint and longest task: from a browser started without playwright for each load; main-thread CPU and heap: from a');
console.log('second load of the same page under playwright (see docs/performance.md, "Two loads per run").');
console.log('Main-thread CPU: thread time of all main-thread tasks until 50 ms after the paint (less sensitive to other load than wall time).');
console.log('Longest task: 0 means no task over 50 ms (the Long Tasks API reports only those). Icons: markers + clusters in view.');
console.log('');
console.log(lines.join('\n'));
if (goals.length) console.log(`\nGoals (issue 7):\n${goals.join('\n')}`);
console.log('\nFirst frame with the clusters (a second reading of the same loads: the end of the first frame after the');
console.log('page reports the members clustered, where "paint" waits for the animation frame after it):');
for (const r of results) console.log(`- ${fmt(r.size)} members: ${fmt(r.a.frame)} / ${fmt(r.b.frame)} ms, ratio ${fmt(r.ratio.frame, 2)}`);
if (options.phases) console.log(`\n${phaseTable(results, { runs }).join('\n')}`);
if (size) console.log(`\n${sizeSummary(size)}`);

// The load average counts the benchmark's own browser; the CPU sample before each load does not.
const endLoad = loadavg();
const loads = results.flatMap((r) => [...r.runs.a, ...r.runs.b]);
const busyLoads = loads.filter((m) => m.cpuBusyBefore > 0.1).length;
if (busyLoads > 0) {
  log(`WARNING: ${busyLoads} of ${loads.length} page loads started while other work kept the CPUs more than 10 % busy; ` +
    'take the numbers again on an idle machine (or use --wait-idle).');
}
writeFileSync(
  resolve(options.out),
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, otherCpuBusyAtStart: startBusy, loadAverageAtStart: startLoad, loadAverageAtEnd: endLoad },
      node: process.version,
      chromium: chromiumVersion,
      // The checkout's state describes the bundle only when it is the checkout's own dist/.
      git:
        bundlePath === join(ROOT, 'dist/member-map.iife.js') || options.phases
          ? { commit: git(['rev-parse', '--short', 'HEAD']), srcChanged: Boolean(git(['status', '--porcelain', '--', 'src'])), ...(options.phases ? { phases: true } : {}) }
          : { note: 'bundle given with --bundle: built from an unknown commit' },
      bundle: { file: relative(ROOT, bundlePath), bytes: bundleBytes.length, sha256: createHash('sha256').update(bundleBytes).digest('hex') },
      settings: { sizes, runs, warmup, seed: Number(options.seed), viewport: VIEWPORT, mapHeight: 600, cpuThrottle: cpuThrottle ?? 1, phases: options.phases, busyClock },
      size,
      results,
    },
    null,
    2,
  )}\n`,
);
log(`\nWrote ${relative(process.cwd(), resolve(options.out))}.`);
