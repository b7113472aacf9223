#!/usr/bin/env node
/// <reference types="node" />
// Entry of `member-map-data` (bin) and `npm run members`.

import { parseCommand } from './args.js';
import { EXIT, run } from './commands.js';
import { messagesFor } from '../import/i18n/index.js';

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};

const command = parseCommand(process.argv.slice(2));
if (command.command === 'usage-error') {
  io.err(messagesFor(command.lang).usageError(command.detail));
  process.exitCode = EXIT.usage;
} else {
  run(command, io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 70;
    },
  );
}
