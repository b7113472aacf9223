/**
 * `JSON.parse` in steps, for large member files: one `JSON.parse` of 10,000 members (3 MB) blocks
 * the page for 60 ms, of 50,000 members for 200 ms. The text of a GeoJSON FeatureCollection is
 * scanned for the elements of its top-level `features` array, which are then parsed a few hundred
 * at a time. The result is what `JSON.parse(text)` returns; anything this scanner does not expect
 * (another root, an escaped `features` key, invalid JSON) falls back to exactly that.
 */

/** Characters scanned between two pauses. */
const CHARACTERS_PER_STEP = 1 << 18;
/** Features parsed between two pauses. */
const FEATURES_PER_STEP = 300;
/** Below this size (about 3,000 members) a single `JSON.parse` is short enough and cheaper. */
const STEPWISE_FROM = 1 << 20;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** Where the top-level `features` array is: its brackets, and the commas between its elements. */
interface FeaturesLayout {
  open: number;
  close: number;
  commas: number[];
}

/**
 * Parses `text` like `JSON.parse`, pausing (yielding) between steps so that a caller can spread a
 * large file over several tasks. Throws what `JSON.parse(text)` throws. Texts shorter than
 * `stepwiseFrom` characters are parsed in one step.
 */
export function* parseJsonStepwise(text: string, stepwiseFrom = STEPWISE_FROM): Generator<void, unknown> {
  const layout = text.length < stepwiseFrom ? undefined : yield* findFeatures(text);
  if (!layout) return JSON.parse(text);
  let collection: unknown;
  const features: unknown[] = [];
  try {
    // Everything but the features, with an empty array in their place.
    collection = JSON.parse(text.slice(0, layout.open + 1) + text.slice(layout.close));
    const bounds = [layout.open, ...layout.commas, layout.close];
    for (let first = 0; first < bounds.length - 1; first += FEATURES_PER_STEP) {
      yield;
      const last = Math.min(first + FEATURES_PER_STEP, bounds.length - 1);
      const elements: unknown[] = JSON.parse(`[${text.slice(bounds[first] + 1, bounds[last])}]`);
      for (const element of elements) features.push(element);
    }
  } catch {
    return JSON.parse(text); // throws the error a single parse gives, with its position
  }
  (collection as { features: unknown[] }).features = features;
  return collection;
}

/** Scans the text in steps; undefined unless it is an object with a literal `"features": [` key. */
function* findFeatures(text: string): Generator<void, FeaturesLayout | undefined> {
  let at = 0;
  while (at < text.length && text.charCodeAt(at) <= 0x20) at += 1;
  if (text.charCodeAt(at) !== OPEN_BRACE) return undefined;

  let depth = 0;
  let inString = false;
  let lastKeyStart = -1; // the last string that ended at depth 1: the key of the next value
  let lastKeyEnd = -1;
  let stringStart = -1;
  let previous = -1; // the last character outside strings and whitespace
  let layout: FeaturesLayout | undefined;
  let inFeatures = false;
  for (let stepEnd = at; at < text.length; at += 1) {
    if (at >= stepEnd) {
      yield;
      stepEnd = at + CHARACTERS_PER_STEP;
    }
    const code = text.charCodeAt(at);
    if (inString) {
      if (code === BACKSLASH) at += 1;
      else if (code === QUOTE) {
        inString = false;
        if (depth === 1) [lastKeyStart, lastKeyEnd] = [stringStart, at + 1];
        previous = QUOTE;
      }
      continue;
    }
    if (code <= 0x20) continue;
    if (code === QUOTE) {
      inString = true;
      stringStart = at;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (depth === 1 && code === OPEN_BRACKET && previous === COLON && text.slice(lastKeyStart, lastKeyEnd) === '"features"') {
        // With a second "features" key this starts over: JSON.parse, too, keeps the last one.
        layout = { open: at, close: -1, commas: [] };
        inFeatures = true;
      }
      depth += 1;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth -= 1;
      if (inFeatures && depth === 1) {
        layout!.close = at;
        inFeatures = false;
      }
    } else if (code === COMMA && inFeatures && depth === 2) {
      layout!.commas.push(at);
    }
    previous = code;
  }
  return layout && layout.close > layout.open ? layout : undefined;
}
