/// <reference types="node" />
// Command line → a typed command, or the reason it is not one.

import { parseArgs } from 'node:util';
import { LANGS, type Lang } from '../import/i18n/index.js';

export type Command =
  | { command: 'help'; lang: Lang }
  | { command: 'import'; input: string; output: string; allowPartial: boolean; lang: Lang }
  | { command: 'validate'; input: string; lang: Lang }
  | { command: 'export'; input: string; output: string; allowPartial: boolean; lang: Lang };

export interface UsageError {
  command: 'usage-error';
  detail: string;
  lang: Lang;
}

export function parseCommand(argv: readonly string[]): Command | UsageError {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        'allow-partial': { type: 'boolean', default: false },
        lang: { type: 'string', default: 'de' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return { command: 'usage-error', detail: (error as Error).message, lang: 'de' };
  }
  const { values, positionals } = parsed;
  if (!(LANGS as readonly string[]).includes(values.lang)) {
    return { command: 'usage-error', detail: `--lang must be one of: ${LANGS.join(', ')}`, lang: 'de' };
  }
  const lang = values.lang as Lang;
  const [command, input, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') return { command: 'help', lang };
  const fail = (detail: string): UsageError => ({ command: 'usage-error', detail, lang });
  if (command !== 'import' && command !== 'validate' && command !== 'export') return fail(`unknown command: ${command}`);
  if (input === undefined) return fail(`${command}: which file?`);
  if (rest.length > 0) return fail(`${command}: one file only (got also ${rest.join(' ')})`);
  if (command === 'validate') {
    if (values.output !== undefined) return fail('validate writes no file: drop -o');
    return { command, input, lang };
  }
  if (values.output === undefined || values.output === '') return fail(`${command}: the output file is missing (-o FILE)`);
  return { command, input, output: values.output, allowPartial: values['allow-partial'], lang };
}
