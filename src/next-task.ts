// A message to ourselves starts a new task at once; setTimeout(…, 0) would be stretched to 4 ms or
// more after a few nested calls, and a long job takes hundreds of steps.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

/** Lets the browser paint and handle input before the next step of a long job. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

/** Main-thread time one slice of a long job may take before the page gets a turn (ms). */
export const SLICE_MS = 30;

/**
 * Cuts a long job into slices of about SLICE_MS: the job asks `due` between two steps and, when it
 * is, awaits `next()` (and checks whether it was cancelled meanwhile).
 */
export class TimeSlices {
  private start: number;

  /** `startDue`: the first step already waits for a task of its own. */
  constructor(startDue = false) {
    this.start = startDue ? -Infinity : performance.now();
  }

  get due(): boolean {
    return performance.now() - this.start > SLICE_MS;
  }

  async next(): Promise<void> {
    await nextTask();
    this.start = performance.now();
  }
}
