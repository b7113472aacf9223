// The 16 Länder: ISO 3166-2 code, German name, the first two digits of every Amtlicher
// Gemeindeschlüssel (AGS) in the Land, and its bounds. The one list of the Länder: the element, the
// data command, the workbench and the embed generator import it; the gazetteer script and the
// benchmark load it through scripts/import-ts.js; the WordPress block's editor script, served without
// a build, gets a copy written by scripts/wordpress-laender.js (the package test fails when it is stale).

export interface Land {
  /** ISO 3166-2 code without the `DE-` prefix. */
  iso: string;
  /** The German name, as written into the member file. */
  name: string;
  /** The first two digits of every AGS in this Land. */
  ags: string;
  /** [south, west, north, east] in degrees, rounded outwards to 0.1° (from VG250, checked by the tests). */
  bounds: [number, number, number, number];
}

export const LAENDER: readonly Land[] = [
  { iso: 'BW', name: 'Baden-Württemberg', ags: '08', bounds: [47.5, 7.5, 49.8, 10.5] },
  { iso: 'BY', name: 'Bayern', ags: '09', bounds: [47.2, 8.9, 50.6, 13.9] },
  { iso: 'BE', name: 'Berlin', ags: '11', bounds: [52.3, 13, 52.7, 13.8] },
  { iso: 'BB', name: 'Brandenburg', ags: '12', bounds: [51.3, 11.2, 53.6, 14.8] },
  { iso: 'HB', name: 'Bremen', ags: '04', bounds: [53, 8.4, 53.7, 9] },
  { iso: 'HH', name: 'Hamburg', ags: '02', bounds: [53.3, 8.4, 54, 10.4] },
  { iso: 'HE', name: 'Hessen', ags: '06', bounds: [49.3, 7.7, 51.7, 10.3] },
  { iso: 'MV', name: 'Mecklenburg-Vorpommern', ags: '13', bounds: [53.1, 10.5, 54.7, 14.5] },
  { iso: 'NI', name: 'Niedersachsen', ags: '03', bounds: [51.2, 6.6, 53.9, 11.6] },
  { iso: 'NW', name: 'Nordrhein-Westfalen', ags: '05', bounds: [50.3, 5.8, 52.6, 9.5] },
  { iso: 'RP', name: 'Rheinland-Pfalz', ags: '07', bounds: [48.9, 6.1, 51, 8.6] },
  { iso: 'SL', name: 'Saarland', ags: '10', bounds: [49.1, 6.3, 49.7, 7.5] },
  { iso: 'SN', name: 'Sachsen', ags: '14', bounds: [50.1, 11.8, 51.7, 15.1] },
  { iso: 'ST', name: 'Sachsen-Anhalt', ags: '15', bounds: [50.9, 10.5, 53.1, 13.2] },
  { iso: 'SH', name: 'Schleswig-Holstein', ags: '01', bounds: [53.3, 7.8, 55.1, 11.4] },
  { iso: 'TH', name: 'Thüringen', ags: '16', bounds: [50.2, 9.8, 51.7, 12.7] },
];

/** The Land of a municipality, from the first two digits of its AGS. */
export const landOfAgs = (ags: string): Land | undefined => LAENDER.find((land) => land.ags === ags.slice(0, 2));
