// `npm run bench -- --phases`: the steps of one load, timed by performance marks on both pages — the
// element's from a build made with MEMBER_MAP_PHASES=1 (src/phase.ts), the baseline's from its page
// (bench/pages.js) — and the medians of each step side by side.

/** One row per step: its label, and the marks that begin and end it on page (a) and page (b). */
const STEPS = [
  ['navigation → script evaluated (b: both libraries, inline script starts)', [null, 'member-map:evaluated'], [null, 'baseline:start']],
  ['→ member file requested (b: the map made first)', ['member-map:evaluated', 'member-map:fetch'], ['baseline:start', 'baseline:fetch']],
  ['request → text in hand (b: parsed JSON)', ['member-map:fetch', 'member-map:text'], ['baseline:fetch', 'baseline:json']],
  ['→ members checked (b: none)', ['member-map:text', 'member-map:checked'], null],
  ['→ markers made, view fitted', ['member-map:checked', 'member-map:markers'], ['baseline:json', 'baseline:markers']],
  ['→ clustered and on the map', ['member-map:markers', 'member-map:clustered'], ['baseline:markers', 'baseline:clustered']],
  ['→ the next frame done (one animation frame: "first frame with the clusters")', ['member-map:clustered', 'frame'], ['baseline:clustered', 'frame']],
  ['→ clustered frame painted (two animation frames)', ['member-map:clustered', 'paint'], ['baseline:clustered', 'paint']],
];

const median = (values) => {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((x, y) => x - y);
  if (sorted.length === 0) return undefined;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Time of a mark in one run (ms after navigation): null is the navigation, 'paint' the clustered paint, 'frame' the frame before it. */
function timeOf(run, name) {
  if (name === null) return 0;
  if (name === 'paint') return run.paint;
  if (name === 'frame') return run.frame;
  return run.marks?.find((mark) => mark.name === name)?.time;
}

function stepMedian(runs, marks) {
  if (!marks) return undefined;
  const [from, to] = marks;
  return median(runs.map((run) => timeOf(run, to) - timeOf(run, from)));
}

const fmt = (value) => (value === undefined ? '–' : value.toFixed(1));

/** Markdown lines: for every size, the median of each step on both pages. */
export function phaseTable(results, { runs }) {
  const lines = [`Steps of a load, medians of ${runs} run(s) per step (a step's medians need not add up to the paint's):`];
  for (const result of results) {
    const a = result.runs.a;
    const b = result.runs.b;
    if (!a.some((run) => run.marks?.some((mark) => mark.name.startsWith('member-map:')))) {
      lines.push('', `${result.size} members: the element set no marks (not a MEMBER_MAP_PHASES=1 build).`);
      continue;
    }
    lines.push('', `| ${result.size.toLocaleString('en-US')} members: step | (a) <member-map> (ms) | (b) raw markercluster (ms) |`, '|---|---:|---:|');
    for (const [label, marksA, marksB] of STEPS) lines.push(`| ${label} | ${fmt(stepMedian(a, marksA))} | ${fmt(stepMedian(b, marksB))} |`);
    lines.push(`| **first clustered paint** | **${fmt(median(a.map((run) => run.paint)))}** | **${fmt(median(b.map((run) => run.paint)))}** |`);
  }
  return lines;
}
