// Server commands for test/frame.test.ts. A test page cannot look into a frame from another origin,
// nor click a link there that navigates the top window (its own); the browser's automation
// (Puppeteer, on the test's own page) can. Chromium only: each answers false without the Chrome
// DevTools Protocol.
//
//   executeServerCommand('frame-evaluate', { url, script })
//     { value }: the JSON value of `script`, an expression (a promise is awaited), run in the frame of
//     the test page whose address is `url`; null while there is no such frame.
//   executeServerCommand('console-messages', { reset })
//     the console messages ({ type, text, url }) of the test page and all its frames, the browser's own
//     included, since the last call with `reset` (the first call starts recording).
//   executeServerCommand('open-and-click', { url, frameUrl, ready, width, height })
//     opens `url` in a tab of its own (`width` × `height`), waits until the expression `ready` is true
//     in its frame at `frameUrl`, clicks the middle of that iframe with the mouse and answers where
//     the tab's top window and that frame are once either navigated: { top, frame }. Closes the tab.

const NAVIGATION_TIMEOUT = 15_000;

/** The Puppeteer page of a test session, or undefined in a browser without CDP (Firefox over BiDi). */
function cdpPage(session) {
  const page = session.browser.getPage?.(session.id);
  return page && typeof page.createCDPSession === 'function' && page.browser().protocol !== 'webDriverBiDi' ? page : undefined;
}

export function frameCommands() {
  const logs = new Map();
  return {
    name: 'member-map:frame-commands',
    async executeCommand({ command, payload, session }) {
      if (!['frame-evaluate', 'console-messages', 'open-and-click'].includes(command)) return undefined;
      const page = cdpPage(session);
      if (!page) return false;

      if (command === 'frame-evaluate') {
        // Wrapped: the test runner takes an answer of null or undefined for "no plugin knows this command".
        // A frame that is going away (removed, navigating) answers null too: the test asks again.
        const frame = page.frames().findLast((candidate) => candidate.url() === payload.url && !candidate.detached);
        try {
          return { value: frame ? ((await frame.evaluate(payload.script)) ?? null) : null };
        } catch (error) {
          if (/Target closed|detached|Execution context was destroyed/i.test(String(error))) return { value: null };
          throw error;
        }
      }

      if (command === 'console-messages') {
        let log = logs.get(session.id);
        if (!log) {
          const entries = [];
          log = entries;
          logs.set(session.id, log);
          page.on('console', (message) => entries.push({ type: message.type(), text: message.text(), url: message.location()?.url ?? '' }));
          // The browser's own messages (a refused request, a blocked navigation, a mail program launched)
          // come through the Log domain, which Puppeteer follows for the page only, not for frames from
          // other origins (out of process, each with a session of its own).
          const followed = new WeakSet([page.mainFrame().client]);
          const follow = (frame) => {
            const client = frame.client;
            if (!client || followed.has(client)) return;
            followed.add(client);
            client.on('Log.entryAdded', ({ entry }) => entries.push({ type: entry.level, text: entry.text, url: entry.url ?? frame.url() }));
            client.send('Log.enable').catch(() => {}); // also replays what the frame logged before
          };
          page.frames().forEach(follow);
          page.on('framenavigated', follow);
          page.on('frameattached', follow);
        }
        const messages = [...log];
        if (payload?.reset) log.length = 0;
        return messages;
      }

      // open-and-click
      const tab = await page.browserContext().newPage();
      try {
        await tab.setViewport({ width: payload.width ?? 1000, height: payload.height ?? 800 });
        await tab.goto(payload.url);
        const frameOf = () => tab.frames().find((candidate) => candidate.url() === payload.frameUrl);
        await tab.waitForFrame((candidate) => candidate.url() === payload.frameUrl, { timeout: NAVIGATION_TIMEOUT });
        await frameOf().waitForFunction(payload.ready, { timeout: NAVIGATION_TIMEOUT });
        const iframe = await frameOf().frameElement();
        const box = await iframe.boundingBox();
        const navigated = new Promise((resolve) => {
          tab.on('framenavigated', resolve);
          setTimeout(resolve, NAVIGATION_TIMEOUT);
        });
        await tab.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        await navigated;
        return { top: tab.url(), frame: frameOf()?.url() ?? null };
      } finally {
        await tab.close();
      }
    },
  };
}
