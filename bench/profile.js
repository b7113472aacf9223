// Reads a V8 CPU profile (CDP `Profiler.stop`) of one page load: self and total time per function,
// mapped back to the original sources through the scripts' source maps, and self time per origin
// (leaflet, leaflet.markercluster, lit, our src/, GC, …).
import { loadSourceMap } from './sourcemap.js';

/** Where a function comes from: by script URL for the raw libraries, else by original source path. */
function originOf(url, source, functionName) {
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(program)') return '(program) native';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(root)') return 'root';
    return 'V8/DOM built-ins';
  }
  if (url.includes('/vendor/markercluster/')) return 'leaflet.markercluster';
  if (url.includes('/vendor/leaflet/')) return 'leaflet';
  if (/\/[ab]\/(one-point-)?\d+$/.test(url)) return 'page script';
  const path = source ?? url;
  if (/leaflet\.markercluster/.test(path)) return 'leaflet.markercluster';
  if (/node_modules\/leaflet\//.test(path)) return 'leaflet';
  if (/node_modules\/(lit|lit-html|lit-element|@lit|@lit-labs)\//.test(path)) return 'lit';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1];
  if (/(^|\/)src\//.test(path)) return 'member-map src/';
  return source ?? `${new URL(url).pathname} (unmapped)`;
}

/**
 * @param profile CDP Profiler.Profile
 * @param scripts { [url pathname]: path of its .map file }
 */
export function analyseProfile(profile, { scripts }) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const maps = new Map();
  const mapFor = (url) => {
    if (!url) return undefined;
    const path = new URL(url).pathname;
    if (!maps.has(path)) maps.set(path, scripts[path] ? loadSourceMap(scripts[path]) : undefined);
    return maps.get(path);
  };

  const functions = new Map();
  const functionOf = (nodeId) => {
    const { callFrame } = nodes.get(nodeId);
    const key = `${callFrame.functionName}|${callFrame.url}|${callFrame.lineNumber}|${callFrame.columnNumber}`;
    let entry = functions.get(key);
    if (!entry) {
      const original = callFrame.url ? mapFor(callFrame.url)?.(callFrame.lineNumber, callFrame.columnNumber) : undefined;
      entry = {
        name: callFrame.functionName || '(anonymous)',
        url: callFrame.url ? new URL(callFrame.url).pathname : '',
        line: callFrame.lineNumber + 1,
        column: callFrame.columnNumber,
        original,
        origin: originOf(callFrame.url, original?.source, callFrame.functionName),
        self: 0,
        total: 0,
      };
      functions.set(key, entry);
    }
    return entry;
  };

  const byOrigin = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const time = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    total += time;
    const leaf = functionOf(profile.samples[i]);
    leaf.self += time;
    byOrigin.set(leaf.origin, (byOrigin.get(leaf.origin) ?? 0) + time);
    const seen = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const entry = functionOf(id);
      if (!seen.has(entry)) {
        seen.add(entry);
        entry.total += time;
      }
    }
  }
  const all = [...functions.values()];
  return {
    total,
    byOrigin: [...byOrigin].sort((x, y) => y[1] - x[1]),
    bySelf: all.filter((f) => f.self > 0).sort((x, y) => y.self - x.self),
    byTotal: all
      .filter((f) => !['(root)', '(program)', '(idle)', '(garbage collector)'].includes(f.name))
      .sort((x, y) => y.total - x.total),
  };
}

function where(f) {
  if (f.original) {
    const text = f.original.text ? `  ${f.original.text.slice(0, 70)}` : '';
    return `${f.original.source}:${f.original.line}${text}`;
  }
  return f.url ? `${f.url}:${f.line}:${f.column}` : '';
}

/**
 * Text report of one profiled page load (`measurement` is the harness's result for that load).
 * `labels` name what the profile spans and which frames are listed (the spiderfy scenario profiles a click).
 */
export function profileLines(analysis, measurement, top = 20, labels = {}) {
  const { span = 'from navigation to the report', frames = 'before the clustered paint' } = labels;
  const ms = (value) => value.toFixed(0).padStart(6);
  const busy = analysis.total - (analysis.byOrigin.find(([origin]) => origin === 'idle')?.[1] ?? 0);
  const lines = [
    '',
    `Profiled ${analysis.total.toFixed(0)} ms ${span}, ${busy.toFixed(0)} ms of it busy.`,
    '(program) is native renderer work outside JavaScript: HTML/CSS parsing, style, layout, paint, compiling.',
    '',
    'Self time by origin (ms):',
    ...analysis.byOrigin.map(([origin, time]) => `${ms(time)}  ${origin}`),
    '',
    `Top ${top} functions by self time (ms, origin, function, original source):`,
    ...analysis.bySelf.slice(0, top).map((f) => `${ms(f.self)}  ${f.origin.padEnd(22)} ${f.name.padEnd(28)} ${where(f)}`),
    '',
    `Top ${top} functions by total time, callees included (ms):`,
    ...analysis.byTotal.slice(0, top).map((f) => `${ms(f.total)}  ${f.origin.padEnd(22)} ${f.name.padEnd(28)} ${where(f)}`),
  ];
  if (measurement.longFrames?.length) {
    lines.push('', `Longest animation frames ${frames} (Long Animation Frames API):`);
    for (const frame of measurement.longFrames) {
      const end = frame.start + frame.duration;
      const render = frame.renderStart ? end - frame.renderStart : 0;
      const styleLayout = frame.styleAndLayoutStart ? end - frame.styleAndLayoutStart : 0;
      lines.push(
        `  ${frame.duration.toFixed(0)} ms frame at ${frame.start.toFixed(0)} ms ` +
          `(rendering ${render.toFixed(0)} ms, of it style + layout ${styleLayout.toFixed(0)} ms):`,
      );
      if (frame.scripts.length === 0) lines.push('    (no script attributed: parsing, compiling, GC or rendering)');
      for (const script of frame.scripts.sort((x, y) => y.duration - x.duration).slice(0, 4)) {
        const source = script.sourceURL ? new URL(script.sourceURL).pathname : '';
        lines.push(`    ${script.duration.toFixed(0).padStart(5)} ms  ${script.invokerType}: ${script.invoker}  ${script.sourceFunctionName || ''} ${source}`);
      }
    }
  }
  return lines;
}
