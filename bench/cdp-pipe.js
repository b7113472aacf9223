// A minimal DevTools-protocol client over Chromium's `--remote-debugging-pipe` (file descriptors 3
// and 4, messages separated by NUL bytes). The timing runs use it for one thing only: to throttle
// the page's CPU (`--cpu-throttle`) without enabling DevTools' Network domain, which playwright
// always enables and which adds main-thread work of its own (see bench/run.js, measureTimes).

/** Extra `spawn` options and flags for a browser that takes protocol messages over a pipe. */
export const PIPE_ARGS = ['--remote-debugging-pipe'];
export const PIPE_STDIO = ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'];

/** Connects to a browser spawned with PIPE_ARGS and PIPE_STDIO; `send` resolves with the result. */
export function pipeConnection(browserProcess) {
  const [, , , toBrowser, fromBrowser] = browserProcess.stdio;
  let nextId = 1;
  const pending = new Map();
  let buffered = '';
  fromBrowser.on('data', (chunk) => {
    buffered += chunk.toString('utf8');
    let end;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      const waiter = message.id !== undefined && pending.get(message.id);
      if (!waiter) continue; // events: not asked for
      pending.delete(message.id);
      if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
      else waiter.resolve(message.result);
    }
  });
  fromBrowser.on('error', () => {});
  toBrowser.on('error', () => {});
  return {
    send(method, params = {}, sessionId) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, method });
        toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      });
    },
  };
}

/**
 * Throttles the CPU of the browser's first page to `rate` (4: four times slower), before that page
 * navigates on to the page under test. The first page (the benchmark's `/__go` page) waits 1.5 s
 * and then opens the page under test on the same origin, so the renderer, and the throttling, stay.
 */
export async function throttlePage(connection, rate, { timeoutMs = 1200 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { targetInfos } = await connection.send('Target.getTargets');
    const page = targetInfos.find((target) => target.type === 'page');
    if (page) {
      const { sessionId } = await connection.send('Target.attachToTarget', { targetId: page.targetId, flatten: true });
      await connection.send('Emulation.setCPUThrottlingRate', { rate }, sessionId);
      return;
    }
    if (Date.now() > deadline) throw new Error('no page to throttle');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
