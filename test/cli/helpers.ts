/// <reference types="node" />
// Shared helpers of the data CLI's node tests (run by `npm run test:cli`, not by the browser runner).

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommand } from '../../src/cli/args.js';
import { run } from '../../src/cli/commands.js';
import { decode } from '../../src/import/decode.js';
import { loadGazetteer } from '../../src/cli/load-gazetteer.js';
import { importMembers, type ImportResult } from '../../src/import/import.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fixture = (name: string): string => join(ROOT, 'test/cli/fixtures', name);
export const elementFixture = (name: string): string => join(ROOT, 'test/fixtures', name);

/** Imports a fixture CSV the way the `import` command does (bytes → text → members). */
export async function importFixture(name: string): Promise<ImportResult & { encoding: string }> {
  const { text, encoding } = decode(await readFile(fixture(name)));
  return { ...importMembers(text, { gazetteer: loadGazetteer }), encoding };
}

export const importText = (text: string): ImportResult => importMembers(text, { gazetteer: loadGazetteer });

/** Runs a CLI command in this process and collects what it prints. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
  const command = parseCommand(argv);
  if (command.command === 'usage-error') return { code: 2, out: '', err: command.detail };
  const code = await run(command, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Runs a script as its own Node process and resolves with exit code and output (never rejects). */
export function spawnNode(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, args, { cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

/** The CLI from its TypeScript source, as `npm run members` runs it. */
export const spawnCli = (args: string[]) => spawnNode(['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args]);

export async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'member-map-cli-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
