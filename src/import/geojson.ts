// The member file as written by the importer: one feature per line, so that a change to one
// member is a one-line diff.

import { FIELD_TABLE, isProperty, type PropertyName } from './fields.js';

export type { PropertyName } from './fields.js';

/** Properties in the order they are written (the field table's); all strings. */
export const PROPERTY_ORDER: readonly PropertyName[] = FIELD_TABLE.filter(isProperty).map((field) => field.key);

export type MemberProperties = Partial<Record<PropertyName, string>> & { id: string; municipality: string };

export interface MemberFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: MemberProperties;
}

export interface MemberFeatureCollection {
  type: 'FeatureCollection';
  features: MemberFeature[];
}

export function memberFeature(properties: MemberProperties, lat: number, lng: number): MemberFeature {
  const ordered = {} as MemberProperties;
  for (const name of PROPERTY_ORDER) {
    const value = properties[name];
    if (value !== undefined && value !== '') ordered[name] = value;
  }
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties: ordered };
}

export function formatCollection(collection: MemberFeatureCollection): string {
  const lines = collection.features.map((feature) => JSON.stringify(feature));
  return `{"type": "FeatureCollection", "features": [\n${lines.join(',\n')}\n]}\n`;
}
