// Just enough of the Source Map v3 format to turn a position in a minified script back into the
// original file and line: decodes `mappings` (Base64 VLQ) and looks a position up.
import { existsSync, readFileSync } from 'node:fs';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, index) => [char, index]));

/** Decodes one mapping segment ("AAAA,…" between commas) into its numbers. */
function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/**
 * Loads `file` (a .map) and returns `lookup(line, column)` (both 0-based, generated) →
 * `{ source, line, column, name, text }` (line 1-based; `text` is the original source line when
 * the map embeds its sources), or undefined when the file or the position is not mapped.
 */
export function loadSourceMap(file) {
  if (!existsSync(file)) return undefined;
  const map = JSON.parse(readFileSync(file, 'utf8'));
  const lines = [];
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  let name = 0;
  for (const lineText of map.mappings.split(';')) {
    let generatedColumn = 0;
    const segments = [];
    if (lineText) {
      for (const segmentText of lineText.split(',')) {
        const fields = decodeSegment(segmentText);
        generatedColumn += fields[0];
        if (fields.length >= 4) {
          source += fields[1];
          originalLine += fields[2];
          originalColumn += fields[3];
          if (fields.length >= 5) name += fields[4];
          segments.push([generatedColumn, source, originalLine, originalColumn, fields.length >= 5 ? name : -1]);
        }
      }
    }
    lines.push(segments);
  }
  const sourceLines = new Map();
  const textOf = (index, line) => {
    const content = map.sourcesContent?.[index];
    if (content == null) return undefined;
    if (!sourceLines.has(index)) sourceLines.set(index, content.split('\n'));
    return sourceLines.get(index)[line]?.trim();
  };
  const lookup = (line, column) => {
    const segments = lines[line];
    if (!segments?.length) return undefined;
    // The last segment that starts at or before `column`.
    let low = 0;
    let high = segments.length - 1;
    if (segments[0][0] > column) return undefined;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (segments[middle][0] <= column) low = middle;
      else high = middle - 1;
    }
    const [, sourceIndex, originalLineIndex, originalColumnIndex, nameIndex] = segments[low];
    return {
      source: (map.sources[sourceIndex] ?? '?').replace(/^(\.\.\/)+/, ''),
      line: originalLineIndex + 1,
      column: originalColumnIndex,
      name: nameIndex >= 0 ? map.names[nameIndex] : undefined,
      text: textOf(sourceIndex, originalLineIndex),
    };
  };
  /**
   * The generated code split by original source: each mapped segment runs to the next segment on
   * its line. Unmapped code (before a line's first segment) is left out.
   */
  lookup.codeBySource = (generatedCode) => {
    const generatedLines = generatedCode.split('\n');
    const pieces = new Map();
    lines.forEach((segments, lineIndex) => {
      const text = generatedLines[lineIndex] ?? '';
      segments.forEach((segment, i) => {
        const end = i + 1 < segments.length ? segments[i + 1][0] : text.length;
        const source = (map.sources[segment[1]] ?? '?').replace(/^(\.\.\/)+/, '');
        if (!pieces.has(source)) pieces.set(source, []);
        pieces.get(source).push(text.slice(segment[0], end));
      });
    });
    return new Map([...pieces].map(([source, list]) => [source, list.join('')]));
  };
  return lookup;
}
