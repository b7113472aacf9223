/**
 * Main-thread time a slice of loading work may take before the page gets a turn (ms). A phone about
 * four times slower than a desktop stretches 12 ms to about 50 ms, the length of a long task (30 ms
 * made Lighthouse's mobile Total Blocking Time twice as high, docs/performance.md).
 */
export const SLICE_MS = 12;

// When the current slice began: the start of the last task we began ourselves, or a moment a caller
// knows to be early in its task. Loading steps in one task share it, so a small load runs without
// needless turns. Set it only at the start of a task: a value from an earlier task only means one
// turn more than needed, but one set in the middle of a task would let that task run too long.
let sliceStart = -Infinity;

// A message to ourselves starts a new task at once; setTimeout(…, 0) would be stretched to 4 ms or
// more after a few nested calls, and a long job takes hundreds of steps.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => {
  sliceStart = performance.now();
  waiting.shift()?.();
};

/** Lets the browser paint and handle input before the next step of a long job. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

/** Starts counting a slice now: the caller runs early in a task that it did not begin with nextTask. */
export function startSlice(): void {
  sliceStart = performance.now();
}

/**
 * True when the current slice has used its time, less `reserveMs` kept for a step that follows and
 * cannot be cut (markercluster's first chunk): the caller should await nextTask() before going on.
 */
export function sliceDue(reserveMs = 0): boolean {
  return performance.now() - sliceStart > SLICE_MS - reserveMs;
}
