// Server commands for test/frame.test.ts. A test page cannot look into a frame from another origin,
// nor click a link there that navigates the top window (its own); the browser's automation
// (Puppeteer, on the test's own page) can. Chromium only: each answers false without the Chrome
// DevTools Protocol.
//
//   executeServerCommand('frame-evaluate', { url, script })
//     { value }: the JSON value of `script`, an expression (a promise is awaited), run in the frame of
//     the test page whose address is `url`; null while there is no such frame;
//   executeServerCommand('console-messages', { reset })
//     the console messages ({ type, text, url }) of the test page and all its frames, the browser's own
//     included, since the last call with `reset` (the first call starts recording).
//   executeServerCommand('tab-open', { url, width, height }) → { tab }
//     opens `url` in a tab of its own (`width` × `height`); 'frame-evaluate' takes `tab` to look into
//     that tab's frames instead of the test page's;
//   executeServerCommand('tab-click-frame', { tab, frameUrl })
//     clicks the middle of the tab's iframe that shows `frameUrl`, with the mouse;
//   executeServerCommand('tab-where', { tab, frameUrl }) → { top, frame }
//     the addresses of the tab's top window and of that frame (null once it is gone);
//   executeServerCommand('tab-close', { tab }).

const COMMANDS = ['frame-evaluate', 'console-messages', 'tab-open', 'tab-click-frame', 'tab-where', 'tab-close'];

/** The Puppeteer page of a test session, or undefined in a browser without CDP (Firefox over BiDi). */
function cdpPage(session) {
  const page = session.browser.getPage?.(session.id);
  return page && typeof page.createCDPSession === 'function' && page.browser().protocol !== 'webDriverBiDi' ? page : undefined;
}

export function frameCommands() {
  const logs = new Map();
  const tabs = new Map();
  let serial = 0;
  return {
    name: 'member-map:frame-commands',
    async executeCommand({ command, payload, session }) {
      if (!COMMANDS.includes(command)) return undefined;
      const page = cdpPage(session);
      if (!page) return false;

      if (command === 'frame-evaluate') {
        // Wrapped: the test runner takes an answer of null or undefined for "no plugin knows this command".
        // A frame that is going away (removed, navigating) answers null too: the test asks again.
        const frame = (payload.tab ? tabs.get(payload.tab) : page).frames().findLast((candidate) => candidate.url() === payload.url && !candidate.detached);
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

      // Tabs of their own, each step a command of its own: the test runner gives a command 20 s.
      if (command === 'tab-open') {
        const tab = await page.browserContext().newPage();
        const id = (serial += 1);
        tabs.set(id, tab);
        await tab.setViewport({ width: payload.width ?? 1000, height: payload.height ?? 800 });
        await tab.goto(payload.url);
        return { tab: id };
      }
      const tab = tabs.get(payload.tab);
      if (!tab) return command === 'tab-where' ? { top: null, frame: null } : false; // closed
      const frameOf = () => tab.frames().find((candidate) => candidate.url() === payload.frameUrl && !candidate.detached);
      if (command === 'tab-click-frame') {
        const box = await (await frameOf().frameElement()).boundingBox();
        await tab.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        return true;
      }
      if (command === 'tab-where') return { top: tab.url(), frame: frameOf()?.url() ?? null };
      // tab-close
      tabs.delete(payload.tab);
      await tab.close();
      return true;
    },
  };
}
