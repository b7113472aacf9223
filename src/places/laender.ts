// The 16 Länder: ISO 3166-2 code, German and English name, and the first two digits of every
// Amtlicher Gemeindeschlüssel (AGS) in the Land. Shared by the element and the data command.

export interface Land {
  /** ISO 3166-2 code without the `DE-` prefix. */
  iso: string;
  /** The German name, as written into the member file. */
  name: string;
  english: string;
  /** The first two digits of every AGS in this Land. */
  ags: string;
}

export const LAENDER: readonly Land[] = [
  { iso: 'BW', name: 'Baden-Württemberg', english: 'Baden-Württemberg', ags: '08' },
  { iso: 'BY', name: 'Bayern', english: 'Bavaria', ags: '09' },
  { iso: 'BE', name: 'Berlin', english: 'Berlin', ags: '11' },
  { iso: 'BB', name: 'Brandenburg', english: 'Brandenburg', ags: '12' },
  { iso: 'HB', name: 'Bremen', english: 'Bremen', ags: '04' },
  { iso: 'HH', name: 'Hamburg', english: 'Hamburg', ags: '02' },
  { iso: 'HE', name: 'Hessen', english: 'Hesse', ags: '06' },
  { iso: 'MV', name: 'Mecklenburg-Vorpommern', english: 'Mecklenburg-Western Pomerania', ags: '13' },
  { iso: 'NI', name: 'Niedersachsen', english: 'Lower Saxony', ags: '03' },
  { iso: 'NW', name: 'Nordrhein-Westfalen', english: 'North Rhine-Westphalia', ags: '05' },
  { iso: 'RP', name: 'Rheinland-Pfalz', english: 'Rhineland-Palatinate', ags: '07' },
  { iso: 'SL', name: 'Saarland', english: 'Saarland', ags: '10' },
  { iso: 'SN', name: 'Sachsen', english: 'Saxony', ags: '14' },
  { iso: 'ST', name: 'Sachsen-Anhalt', english: 'Saxony-Anhalt', ags: '15' },
  { iso: 'SH', name: 'Schleswig-Holstein', english: 'Schleswig-Holstein', ags: '01' },
  { iso: 'TH', name: 'Thüringen', english: 'Thuringia', ags: '16' },
];

/** The Land of a municipality, from the first two digits of its AGS. */
export const landOfAgs = (ags: string): Land | undefined => LAENDER.find((land) => land.ags === ags.slice(0, 2));
