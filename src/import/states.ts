// The Bundesländer by every name a spreadsheet may use for them (the table itself is shared with
// the element: src/places/laender.ts).

import { LAENDER, landOfAgs, type Land } from '../places/laender.js';
import { fold } from './text.js';

export type State = Land;
export const STATES = LAENDER;

// "Freistaat Bayern", "Freie und Hansestadt Hamburg", "Land Berlin" name the same Länder.
const TITLE = /^(freistaat|freie und hansestadt|freie hansestadt|land) /;

/** English names, for sheets written in English (the element needs none of them). */
export const ENGLISH_NAMES: Readonly<Record<string, string>> = {
  BW: 'Baden-Württemberg',
  BY: 'Bavaria',
  BE: 'Berlin',
  BB: 'Brandenburg',
  HB: 'Bremen',
  HH: 'Hamburg',
  HE: 'Hesse',
  MV: 'Mecklenburg-Western Pomerania',
  NI: 'Lower Saxony',
  NW: 'North Rhine-Westphalia',
  RP: 'Rhineland-Palatinate',
  SL: 'Saarland',
  SN: 'Saxony',
  ST: 'Saxony-Anhalt',
  SH: 'Schleswig-Holstein',
  TH: 'Thuringia',
};

const byKey = new Map<string, State>();
for (const state of STATES) {
  for (const key of [state.iso, `de ${state.iso}`, state.name, ENGLISH_NAMES[state.iso]!]) byKey.set(fold(key), state);
}
byKey.set(fold('Mecklenburg-West Pomerania'), byKey.get('mv')!);
// Abbreviations in everyday use besides the ISO codes.
byKey.set(fold('NRW'), byKey.get('nw')!);
byKey.set(fold('RLP'), byKey.get('rp')!);
byKey.set(fold('Baden-Wurttemberg'), byKey.get('bw')!);

/** The Land named by a German or English name or an ISO code (`DE-BW`, `BW`), or undefined. */
export function findState(value: string): State | undefined {
  const key = fold(value);
  return byKey.get(key) ?? byKey.get(key.replace(TITLE, ''));
}

export const stateByAgs = landOfAgs;
