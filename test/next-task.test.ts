import { expect } from '@open-wc/testing';
import { inSlices, RESERVE_MS } from '../editor/slices.js';
import { nextTask, SLICE_MS, sliceDue, startSlice } from '../src/next-task.js';

/** Keeps the main thread busy for `ms`, as a loading step would. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* spin */
  }
}

describe('loading slices', () => {
  it('a slice is due once it has run SLICE_MS, and a new task starts a new one', async () => {
    await nextTask();
    expect(sliceDue()).to.equal(false);
    busy(SLICE_MS + 2);
    expect(sliceDue()).to.equal(true);
    await nextTask();
    expect(sliceDue()).to.equal(false);
  });

  it('keeps room for a step that cannot be cut', async () => {
    await nextTask();
    busy(2);
    expect(sliceDue(), 'most of the slice is left').to.equal(false);
    // A reserve of the whole slice leaves no room at all once any work has been done.
    expect(sliceDue(SLICE_MS)).to.equal(true);
  });

  it("the workbench's slices run several short steps in one task: its reserve is shorter than a slice", async () => {
    expect(RESERVE_MS).to.be.above(0).and.below(SLICE_MS);
    await nextTask();
    let inCall = true;
    const seen: boolean[] = [];
    function* steps() {
      for (let step = 0; step < 10; step++) {
        busy(0.1);
        seen.push(inCall);
        yield step;
      }
    }
    const done = inSlices(steps());
    inCall = false;
    await done;
    // One millisecond of work fits into a slice: every step ran inside the call, before any turn.
    expect(seen).to.deep.equal(Array(10).fill(true));
  });

  it('startSlice counts from now in a task that nextTask did not begin', async () => {
    await new Promise((resolve) => setTimeout(resolve, SLICE_MS + 5));
    expect(sliceDue(), 'the last slice began in an earlier task').to.equal(true);
    startSlice();
    expect(sliceDue()).to.equal(false);
  });

  it('nextTask resumes in a later task, after tasks queued before it, in order', async () => {
    const order: string[] = [];
    const other = new MessageChannel();
    other.port1.onmessage = () => order.push('queued before');
    other.port2.postMessage(null);
    const first = nextTask().then(() => order.push('first'));
    const second = nextTask().then(() => order.push('second'));
    order.push('sync');
    await Promise.all([first, second]);
    other.port1.close();
    expect(order).to.deep.equal(['sync', 'queued before', 'first', 'second']);
  });
});
