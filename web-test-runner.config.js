import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROME_ARGS, findChrome } from './scripts/chrome.js';
import { summaryReporter } from './scripts/summary-reporter.js';
import { dataCommand, inlineCss, markercluster } from './scripts/test-plugins.js';
import { chunked, dataFiles, raw, strictCsp, generated, hanging, slowResponses, tileServer } from './scripts/test-servers.js';

const executablePath = findChrome();
if (!executablePath) throw new Error('No Chrome/Chromium found: run `node scripts/chrome.js --ensure`.');

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  middleware: [strictCsp, raw, slowResponses, hanging, chunked, generated, dataFiles, tileServer()],
  concurrency: 1,
  reporters: [defaultReporter(), summaryReporter()],
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: CHROME_ARGS,
      },
    }),
  ],
  plugins: [inlineCss(), markercluster, dataCommand(), esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' })],
};
