// Writes the Länder into the WordPress block's editor script, wordpress/block/editor.js: WordPress
// serves that file as it is (no build step), so it cannot import src/places/laender.ts and carries
// a copy, between two marker lines. The package test fails when the copy is stale.
//
//   node scripts/wordpress-laender.js   rewrite the copy from src/places/laender.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importTs } from './import-ts.js';

export const EDITOR_SCRIPT = fileURLToPath(new URL('../wordpress/block/editor.js', import.meta.url));

const BEGIN = '\t// Länder: begin (written by scripts/wordpress-laender.js from src/places/laender.ts)\n';
const END = '\t// Länder: end\n';

const quote = (text) => `'${text.replace(/[\\']/g, '\\$&')}'`;

/** `source` with the list between the markers written from `laender` (the element's table). */
export function withLaender(source, laender) {
  const begin = source.indexOf(BEGIN);
  const end = source.indexOf(END, begin);
  if (begin < 0 || end < 0) throw new Error('wordpress/block/editor.js has no Länder markers');
  const list = [
    '\t/** The 16 Länder: the element\'s `region` takes their ISO 3166-2 codes. */\n',
    '\tvar LAENDER = [\n',
    ...laender.map((land) => `\t\t[ ${quote(`DE-${land.iso}`)}, ${quote(land.name)} ],\n`),
    '\t];\n',
  ].join('');
  return source.slice(0, begin + BEGIN.length) + list + source.slice(end);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { LAENDER } = await importTs(new URL('../src/places/laender.ts', import.meta.url));
  writeFileSync(EDITOR_SCRIPT, withLaender(readFileSync(EDITOR_SCRIPT, 'utf8'), LAENDER));
  console.log('wrote the Länder into wordpress/block/editor.js');
}
