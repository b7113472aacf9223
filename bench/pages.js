// The two pages the benchmark compares. Both inline the same probe first thing in <head>, show a
// 600 px high, full-width map, load the same member file and draw no tiles (nothing but the map and
// the clustered markers, fitted to the members):
//   (a) the built classic script `dist/member-map.iife.js` and one <member-map> tag;
//   (b) raw Leaflet 1.9 + leaflet.markercluster, default cluster options, `addLayers`.

export const MAP_HEIGHT = 600;

/**
 * Runs in the page before anything else. Records long tasks and long animation frames from the
 * start, and exposes `__bench.painted(meta)`: two animation frames later (so a frame with the
 * clustered markers has been painted) it stamps the time (and, as a second reading, the end of the
 * first of those frames), counts what the map shows and hands everything to the harness through
 * `window.__benchReport` (exposed by playwright) or, in a browser without playwright, by a POST to
 * `/__report`. There it also calls `window.__benchBusy` at the paint and before reporting, a
 * binding through which the harness reads the main thread's busy time (bench/cdp-pipe.js).
 */
function probe() {
  const bench = (window.__bench = { longTasks: [], frames: [] });
  // Under playwright the harness exposes __benchReport; a browser started without playwright (the
  // timing runs, see bench/run.js) posts the report to the benchmark's server instead.
  const send = (data) =>
    window.__benchReport ? window.__benchReport(data) : fetch('/__report', { method: 'POST', body: JSON.stringify(data), keepalive: true });
  const observers = [];
  const watch = (type, onEntry) => {
    if (!PerformanceObserver.supportedEntryTypes.includes(type)) return;
    const observer = new PerformanceObserver((list) => list.getEntries().forEach(onEntry));
    observer.observe({ type, buffered: true });
    observers.push([observer, onEntry]);
  };
  watch('longtask', (entry) => bench.longTasks.push({ start: entry.startTime, duration: entry.duration }));
  watch('long-animation-frame', (entry) =>
    bench.frames.push({
      start: entry.startTime,
      duration: entry.duration,
      blocking: entry.blockingDuration,
      renderStart: entry.renderStart,
      styleAndLayoutStart: entry.styleAndLayoutStart,
      scripts: entry.scripts.map((script) => ({
        duration: script.duration,
        invoker: script.invoker,
        invokerType: script.invokerType,
        sourceURL: script.sourceURL,
        sourceFunctionName: script.sourceFunctionName,
        sourceCharPosition: script.sourceCharPosition,
      })),
    }),
  );

  /** Single markers + the member counts of the cluster icons whose centre lies inside the map. */
  function countShown({ root, marker, cluster, clusterCount }) {
    const container = root.querySelector('.leaflet-container');
    if (!container) return { markers: 0, clusters: 0, total: 0, outside: 0 };
    const box = container.getBoundingClientRect();
    const inside = (element) => {
      const r = element.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      return x >= box.left - 1 && x <= box.right + 1 && y >= box.top - 1 && y <= box.bottom + 1;
    };
    let markers = 0;
    let clusters = 0;
    let total = 0;
    let outside = 0;
    for (const element of root.querySelectorAll(marker)) {
      if (!inside(element)) outside++;
      else (markers++, total++);
    }
    for (const element of root.querySelectorAll(cluster)) {
      if (!inside(element)) outside++;
      else (clusters++, (total += Number(element.querySelector(clusterCount)?.textContent)));
    }
    return { markers, clusters, total, outside };
  }

  bench.painted = (meta) => {
    const ready = performance.now();
    // `frame`: the end of the first frame after `ready` (a message posted in its animation frame
    // callback is handled once that frame's style, layout and paint are done). `paint`, the figure
    // the goals are stated in, waits for the animation frame after that one.
    let frame;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (frame = performance.now());
      channel.port2.postMessage(null);
      requestAnimationFrame(() => {
        const paint = performance.now();
        // The timing runs read the main thread's busy time now (bench/cdp-pipe.js, watchBusy).
        if (window.__benchBusy) window.__benchBusy('paint');
        const shown = countShown(meta.selectors());
        // Give the observers a moment to deliver the last entries, then report.
        setTimeout(() => {
          // A second reading, to tell the work after the paint from the work before it.
          if (window.__benchBusy) window.__benchBusy('report');
          for (const [observer, onEntry] of observers) observer.takeRecords().forEach(onEntry);
          const navigation = performance.getEntriesByType('navigation')[0];
          send({
            ready,
            frame,
            paint,
            shown,
            count: meta.count,
            skipped: meta.skipped ?? 0,
            zoom: meta.zoom(),
            longTasks: bench.longTasks,
            frames: bench.frames,
            domContentLoaded: navigation?.domContentLoadedEventEnd,
            // User timing marks: the baseline's, and the element's in a MEMBER_MAP_PHASES=1 build (the shipped element sets none).
            marks: performance.getEntriesByType('mark').map((mark) => ({ name: mark.name, time: mark.startTime })),
            resources: performance
              .getEntriesByType('resource')
              .map((entry) => ({ url: entry.name, status: entry.responseStatus, bytes: entry.decodedBodySize })),
          });
        }, 50);
      });
    });
  };
  bench.failed = (message) => send({ error: String(message) });
  window.addEventListener('error', (event) => {
    // Chromium reports this benign notice as an error event; it is not a failure of the page.
    if (String(event.message).includes('ResizeObserver loop')) return;
    bench.failed(`uncaught: ${event.message}`);
  });
  window.addEventListener('unhandledrejection', (event) => bench.failed(`unhandled rejection: ${event.reason}`));
}

const head = (title) => `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
<script>(${probe.toString()})();</script>
<style>body { margin: 0; font-family: system-ui, sans-serif; }</style>`;

/** (a) the element, as a CMS page embeds it (README "Embedding in a page"). */
export function elementPage({ dataUrl, bundleUrl }) {
  return `${head('bench (a): <member-map>')}
<script>
document.addEventListener('member-map-load', (event) => {
  const el = event.target;
  __bench.painted({
    count: event.detail.count,
    skipped: event.detail.skipped.length,
    selectors: () => ({ root: el.shadowRoot, marker: '.member-marker', cluster: '.member-cluster', clusterCount: '[aria-hidden]' }),
    zoom: () => null,
  });
}, { once: true });
document.addEventListener('member-map-error', (event) => __bench.failed('member-map-error: ' + event.detail.message));
</script>
<script src="${bundleUrl}"></script>
</head>
<body>
<member-map src="${dataUrl}" style="--member-map-height: ${MAP_HEIGHT}px"></member-map>
</body>
</html>
`;
}

/**
 * (b) the floor: raw Leaflet + markercluster with default options. The default icon is replaced by
 * a div icon (no image requests, like the element); no tile layer, so `maxZoom` must be set.
 */
export function baselinePage({ dataUrl }) {
  return `${head('bench (b): raw Leaflet.markercluster')}
<link rel="stylesheet" href="/vendor/leaflet/leaflet.css">
<link rel="stylesheet" href="/vendor/markercluster/MarkerCluster.css">
<link rel="stylesheet" href="/vendor/markercluster/MarkerCluster.Default.css">
<style>
#map { height: ${MAP_HEIGHT}px; }
.bench-marker { background: #00567f; border: 2px solid #fff; border-radius: 50%; box-sizing: border-box; }
</style>
<script src="/vendor/leaflet/leaflet.js"></script>
<script src="/vendor/markercluster/leaflet.markercluster.js"></script>
</head>
<body>
<div id="map"></div>
<script>
// The marks time the steps of the load (npm run bench -- --phases).
performance.mark('baseline:start');
const map = L.map('map', { maxZoom: 18 });
const icon = L.divIcon({ className: 'bench-marker', iconSize: [26, 26] });
performance.mark('baseline:fetch');
fetch(${JSON.stringify(dataUrl)})
  .then((response) => response.json())
  .then((collection) => {
    performance.mark('baseline:json');
    const markers = collection.features.map((feature) => {
      const [lng, lat] = feature.geometry.coordinates;
      return L.marker([lat, lng], { icon, title: feature.properties.municipality });
    });
    map.fitBounds(L.latLngBounds(markers.map((marker) => marker.getLatLng())));
    performance.mark('baseline:markers');
    const group = L.markerClusterGroup();
    map.addLayer(group);
    group.addLayers(markers);
    performance.mark('baseline:clustered');
    __bench.painted({
      count: markers.length,
      selectors: () => ({ root: document, marker: '.bench-marker', cluster: '.marker-cluster', clusterCount: 'span' }),
      zoom: () => map.getZoom(),
    });
  })
  .catch((error) => __bench.failed(error));
</script>
</body>
</html>
`;
}
