// `npm run bench -- --spiderfy 500`: N members of one municipality at the same coordinates (issue 7),
// on both benchmark pages. Once the page has loaded and settled, the harness clicks the centre of
// the one cluster with the mouse (real input through the DevTools protocol) and measures, in the
// page, from the click event's timestamp to the frame that shows all N spiderfied markers and legs.
// See docs/performance.md, "Spiderfying members at one point".

/** Where each page keeps its markers, clusters and spider legs. */
const SELECTORS = {
  a: { shadow: true, marker: '.member-marker', cluster: '.member-cluster', clusterCount: '[aria-hidden]', leg: '.leaflet-overlay-pane path' },
  b: { shadow: false, marker: '.bench-marker', cluster: '.marker-cluster', clusterCount: 'span', leg: '.leaflet-overlay-pane path' },
};

/** How long the harness waits for the page to settle before the click, and for observers after it. */
const SETTLE_MS = 300;
const OBSERVER_DELAY_MS = 150;
/** Event Timing reports the click once its next frame has been presented, which can take a while. */
const EVENT_TIMING_WAIT_MS = 5000;

// --- functions that run in the page (serialised by playwright: no closures) -------------------

/** Lets the page finish what it does after the first clustered paint (the element's offline basemap). */
async function settleInPage({ sel, settleMs }) {
  const root = sel.shadow ? document.querySelector('member-map').shadowRoot : document;
  const until = (test, ms) =>
    new Promise((resolve) => {
      const end = performance.now() + ms;
      const poll = () => (test() || performance.now() > end ? resolve() : setTimeout(poll, 50));
      poll();
    });
  if (sel.shadow) await until(() => root.querySelector('.leaflet-member-map-basemap-pane path'), 5000);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/** What the map shows: clusters (centre, count), single markers, legs; markers inside the map's box. */
function inspectInPage({ sel }) {
  const root = sel.shadow ? document.querySelector('member-map').shadowRoot : document;
  const container = root.querySelector('.leaflet-container');
  const box = container.getBoundingClientRect();
  const centre = (element) => {
    const r = element.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  };
  const inside = ({ x, y }) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
  const markers = [...root.querySelectorAll(sel.marker)];
  return {
    clusters: [...root.querySelectorAll(sel.cluster)].map((element) => ({
      ...centre(element),
      count: Number(element.querySelector(sel.clusterCount)?.textContent),
      opacity: getComputedStyle(element).opacity,
    })),
    markers: markers.length,
    markersInView: markers.filter((element) => inside(centre(element))).length,
    legs: root.querySelectorAll(sel.leg).length,
    map: { width: box.width, height: box.height },
  };
}

/**
 * Arms the probe: the next click (seen first, at the window, in the capture phase) starts a frame
 * loop that looks for `size` markers and legs; the frame after the one that found them is the
 * "painted" stamp (its callback runs once that frame has been presented, as in the load metric).
 */
function armInPage({ sel, size }) {
  const root = sel.shadow ? document.querySelector('member-map').shadowRoot : document;
  const state = (window.__spiderfy = { longTasks: [], events: [], frames: [], polls: 0 });
  const observers = [];
  const watch = (type, options, onEntry) => {
    if (!PerformanceObserver.supportedEntryTypes.includes(type)) return;
    const observer = new PerformanceObserver((list) => list.getEntries().forEach(onEntry));
    observer.observe({ type, ...options });
    observers.push([observer, onEntry]);
  };
  watch('longtask', {}, (entry) => state.longTasks.push({ start: entry.startTime, duration: entry.duration }));
  watch('event', { durationThreshold: 16 }, (entry) =>
    state.events.push({
      name: entry.name,
      start: entry.startTime,
      duration: entry.duration,
      processingStart: entry.processingStart,
      processingEnd: entry.processingEnd,
    }),
  );
  watch('long-animation-frame', {}, (entry) =>
    state.frames.push({
      start: entry.startTime,
      duration: entry.duration,
      blocking: entry.blockingDuration,
      renderStart: entry.renderStart,
      styleAndLayoutStart: entry.styleAndLayoutStart,
      scripts: entry.scripts.map((script) => ({
        duration: script.duration,
        forcedStyleAndLayout: script.forcedStyleAndLayoutDuration,
        invoker: script.invoker,
        invokerType: script.invokerType,
        sourceURL: script.sourceURL,
        sourceFunctionName: script.sourceFunctionName,
        sourceCharPosition: script.sourceCharPosition,
      })),
    }),
  );
  state.flush = () => observers.forEach(([observer, onEntry]) => observer.takeRecords().forEach(onEntry));
  state.done = new Promise((resolve) => {
    window.addEventListener(
      'click',
      (event) => {
        state.clickAt = event.timeStamp;
        const look = () => {
          state.polls++;
          if (root.querySelectorAll(sel.marker).length >= size && root.querySelectorAll(sel.leg).length >= size) {
            state.seenAt = performance.now();
            requestAnimationFrame(() => {
              state.paint = performance.now();
              resolve();
            });
          } else {
            requestAnimationFrame(look);
          }
        };
        requestAnimationFrame(look);
      },
      { capture: true, once: true },
    );
  });
}

function paintedInPage() {
  return window.__spiderfy.done;
}

/** The probe's records, once the click's Event Timing entry is in (or after `maxWaitMs`) and `delayMs` more. */
async function reportInPage({ delayMs, maxWaitMs }) {
  const state = window.__spiderfy;
  const end = performance.now() + maxWaitMs;
  const clickEntry = () => state.events.some((entry) => entry.name === 'click' && entry.start >= state.clickAt - 1);
  while ((state.flush(), !clickEntry()) && performance.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => setTimeout(resolve, delayMs)); // long task entries arrive after their task
  state.flush();
  const { clickAt, seenAt, paint, polls, longTasks, events, frames } = state;
  return { clickAt, seenAt, paint, polls, longTasks, events, frames };
}

/** Resolves once markercluster's spiderfy animation is over (or after `ms`). */
async function animationEndInPage({ sel, ms }) {
  const root = sel.shadow ? document.querySelector('member-map').shadowRoot : document;
  const pane = root.querySelector('.leaflet-map-pane');
  const end = performance.now() + ms;
  const busy = () =>
    pane.classList.contains('leaflet-cluster-anim') || pane.getAnimations({ subtree: true }).some((animation) => animation.playState === 'running');
  while (busy() && performance.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
  return !busy();
}

// --- the harness side -------------------------------------------------------------------------

const taskTime = async (cdp) => {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'TaskDuration').value * 1000;
};

/**
 * On a page that has shown its `size` members at one point (one cluster), clicks the cluster and
 * measures until the spiderfied markers are painted. Throws unless the page showed exactly one
 * cluster of `size` before and `size` markers and legs after.
 */
export async function spiderfyOnce(page, cdp, { side, size, timeout, label, profile = false }) {
  const sel = SELECTORS[side];
  await page.evaluate(settleInPage, { sel, settleMs: SETTLE_MS });
  const before = await page.evaluate(inspectInPage, { sel });
  if (before.clusters.length !== 1 || before.clusters[0].count !== size || before.markers !== 0) {
    throw new Error(
      `${label}: ${size} members at one point should show as one cluster of ${size}; the map shows ` +
        `${before.markers} markers and clusters of [${before.clusters.map((cluster) => cluster.count).join(', ')}]`,
    );
  }
  const [cluster] = before.clusters;
  await page.evaluate(armInPage, { sel, size });
  const cpuBefore = await taskTime(cdp);
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await page.mouse.click(cluster.x, cluster.y);
  let timer;
  await Promise.race([
    page.evaluate(paintedInPage),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${label}: no spiderfied paint within ${timeout} ms of the click`)), timeout))),
  ]).finally(() => clearTimeout(timer));
  const cpuAfter = await taskTime(cdp);
  const cpuProfile = profile ? (await cdp.send('Profiler.stop')).profile : undefined;
  const report = await page.evaluate(reportInPage, { delayMs: OBSERVER_DELAY_MS, maxWaitMs: EVENT_TIMING_WAIT_MS });
  const settled = await page.evaluate(animationEndInPage, { sel, ms: 5000 });
  const after = await page.evaluate(inspectInPage, { sel });
  if (after.markers !== size || after.legs !== size) {
    throw new Error(`${label}: after the click the map shows ${after.markers} markers and ${after.legs} legs, not ${size} of each`);
  }
  const { clickAt, paint } = report;
  // Tasks that overlap the time from the click to the painted frame.
  const during = report.longTasks.filter((task) => task.start + task.duration > clickAt && task.start < paint);
  const click = report.events.find((entry) => entry.name === 'click' && entry.start >= clickAt - 1);
  return {
    side,
    size,
    paint: paint - clickAt,
    seen: report.seenAt - clickAt,
    framesPolled: report.polls,
    longestTask: during.reduce((max, task) => Math.max(max, task.duration), 0),
    longTasks: during.length,
    longTasksAfterClick: report.longTasks
      .filter((task) => task.start + task.duration > clickAt)
      .map((task) => ({ start: task.start - clickAt, duration: task.duration })),
    clickEvent: click ? { duration: click.duration, processing: click.processingEnd - click.processingStart, delay: click.processingStart - click.start } : null,
    // Main-thread CPU (thread time) from just before the click until the painted frame.
    cpu: cpuAfter - cpuBefore,
    markersInView: after.markersInView,
    map: after.map,
    animationEnded: settled,
    longFrames: report.frames
      .filter((frame) => frame.start + frame.duration > clickAt)
      .sort((x, y) => y.duration - x.duration)
      .slice(0, 3)
      .map((frame) => ({
        ...frame,
        start: frame.start - clickAt,
        renderStart: frame.renderStart ? frame.renderStart - clickAt : 0,
        styleAndLayoutStart: frame.styleAndLayoutStart ? frame.styleAndLayoutStart - clickAt : 0,
      })),
    cpuProfile,
  };
}

const fmt = (value, digits = 0) =>
  value == null ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export const describeSpiderfy = (m) =>
  `${String(m.size).padStart(6)} ${m.side}: click → spiderfied paint ${fmt(m.paint)} ms, longest task ${fmt(m.longestTask)} ms ` +
  `(${m.longTasks} long), main-thread CPU ${fmt(m.cpu)} ms, click event ${fmt(m.clickEvent?.duration)} ms, ` +
  `${m.markersInView} of ${m.size} markers in view`;

/** The markdown table of the spiderfy scenario (medians per size). */
export function spiderfyTable(results) {
  return [
    '| members at one point | click → spiderfied paint a / b (ms) | ratio a/b | click → next paint, Event Timing a / b (ms) | longest task a / b (ms) | ratio a/b | main-thread CPU a / b (ms) | ratio a/b | markers in view a / b |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${fmt(r.size)} | ${fmt(r.a.paint)} / ${fmt(r.b.paint)} | ${fmt(r.ratio.paint, 2)} | ` +
        `${fmt(r.a.clickEvent)} / ${fmt(r.b.clickEvent)} | ` +
        `${fmt(r.a.longestTask)} / ${fmt(r.b.longestTask)} | ${fmt(r.ratio.longestTask, 2)} | ` +
        `${fmt(r.a.cpu)} / ${fmt(r.b.cpu)} | ${fmt(r.ratio.cpu, 2)} | ` +
        `${fmt(r.a.markersInView)} / ${fmt(r.b.markersInView)} |`,
    ),
  ];
}
