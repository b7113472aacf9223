// Long work on the page in slices: a big sheet is imported step by step, and the page gets a turn
// (to paint the progress, to take a click or a key) whenever a slice has used its time
// (src/next-task.ts), so that no task blocks the page for long.
import { nextTask, SLICE_MS, sliceDue, startSlice } from '../src/next-task.js';

/** Thrown when a newer job took over while this one waited for its turn. */
export class Superseded extends Error {
  constructor() {
    super('superseded by a newer job');
  }
}

/**
 * Runs `steps` to the end and answers what they return. Between slices it tells `progress` how far
 * it has come, and gives up (Superseded) once `current()` is false: the coordinator opened another
 * file or changed the sheet again meanwhile. A job that fits into the current slice runs at once.
 */
export async function inSlices<T, P>(steps: Generator<P, T, void>, progress?: (at: P) => void, current: () => boolean = () => true): Promise<T> {
  let told = -Infinity;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (sliceDue(RESERVE_MS)) {
      // Progress is drawn a few times a second, not after every slice.
      if (progress && performance.now() - told > PROGRESS_MS) {
        progress(step.value);
        told = performance.now();
      }
      await nextTask();
      if (!current()) throw new Superseded();
    }
  }
}

/**
 * The page's own work ends a slice halfway through SLICE_MS (after 6 ms): the preview map's work
 * shares the slices, and on a busy computer a slice takes longer than its time on the processor.
 * Always less than SLICE_MS: a reserve as long as the slice would end every slice at its first step.
 */
export const RESERVE_MS = SLICE_MS / 2;
/** How often progress is drawn (ms). */
const PROGRESS_MS = 100;

/** Between two pieces of work: gives the page a turn if the slice is used up (Superseded as above). */
export async function pause(current: () => boolean = () => true): Promise<void> {
  if (!sliceDue(RESERVE_MS)) return;
  await nextTask();
  if (!current()) throw new Superseded();
}

/**
 * As pause, but the page also renders a frame first: the next piece of work (the preview map, which
 * measures where it is when it is created) finds the page laid out. `always`: even within the slice.
 */
export async function pauseForFrame(current: () => boolean = () => true, always = false): Promise<void> {
  if (!always && !sliceDue(RESERVE_MS)) return;
  // requestAnimationFrame waits while the page is hidden: at most 200 ms then.
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 200);
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), resolve()), 0));
  });
  startSlice();
  if (!current()) throw new Superseded();
}
