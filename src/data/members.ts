// Pure parsing and validation of member GeoJSON: no DOM, no Leaflet, so the element and the data
// CLI judge a file the same way.

/** One network member, ready to be shown. All text fields are trimmed, non-empty strings. */
export interface Member {
  id: string;
  municipality: string;
  name?: string;
  role?: string;
  organisation?: string;
  state?: string;
  email?: string;
  phone?: string;
  url?: string;
  lat: number;
  lng: number;
}

export type SkipCode =
  | 'not-a-feature'
  | 'no-point-geometry'
  | 'bad-coordinates'
  | 'missing-id'
  | 'duplicate-id'
  | 'missing-municipality';

/** A feature that cannot be shown, with its position in `features` and a readable reason. */
export interface SkippedFeature {
  index: number;
  code: SkipCode;
  reason: string;
}

export type DataErrorCode =
  | 'not-found'
  | 'http'
  | 'network'
  | 'timeout'
  | 'too-large'
  | 'invalid-json'
  | 'not-collection'
  | 'empty'
  | 'no-valid-members';

/** The data cannot be used at all. `code` selects the localised message. */
export class MemberDataError extends Error {
  override name = 'MemberDataError';
  constructor(
    readonly code: DataErrorCode,
    message: string,
    readonly details: { status?: number; limit?: number; skipped?: SkippedFeature[]; cause?: unknown } = {},
  ) {
    super(message);
  }
}

export interface MemberCollection {
  members: Member[];
  skipped: SkippedFeature[];
}

/** The optional text properties a member may have, in display order (shared with the data CLI). */
export const TEXT_FIELDS = ['name', 'role', 'organisation', 'state', 'email', 'phone', 'url'] as const;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Numbers are accepted as text (spreadsheets turn phone numbers and ids into numbers). */
function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function pointOf(geometry: unknown): { lat: number; lng: number } | SkipCode {
  if (!isObject(geometry) || geometry.type !== 'Point') return 'no-point-geometry';
  const coordinates = geometry.coordinates;
  if (!Array.isArray(coordinates) || coordinates.length < 2) return 'bad-coordinates';
  const [lng, lat] = coordinates;
  if (typeof lng !== 'number' || typeof lat !== 'number') return 'bad-coordinates';
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) return 'bad-coordinates';
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90) return 'bad-coordinates';
  return { lat, lng };
}

const REASONS: Record<SkipCode, string> = {
  'not-a-feature': 'not a GeoJSON Feature object',
  'no-point-geometry': 'geometry is missing or not a Point',
  'bad-coordinates': 'coordinates must be [longitude, latitude] numbers within [-180..180, -90..90]',
  'missing-id': 'property "id" is missing',
  'duplicate-id': 'property "id" is used by an earlier feature',
  'missing-municipality': 'property "municipality" is missing',
};

function skip(index: number, code: SkipCode, detail?: string): SkippedFeature {
  return { index, code, reason: detail ? `${REASONS[code]} (${detail})` : REASONS[code] };
}

/** One feature as a member, or why it cannot be shown. Records the id as taken. */
function readFeature(feature: unknown, index: number, seenIds: Set<string>): Member | SkippedFeature {
  if (!isObject(feature) || feature.type !== 'Feature') return skip(index, 'not-a-feature');
  const point = pointOf(feature.geometry);
  if (typeof point === 'string') return skip(index, point);
  const properties = isObject(feature.properties) ? feature.properties : {};
  const id = text(properties.id) ?? text(feature.id);
  if (id === undefined) return skip(index, 'missing-id');
  if (seenIds.has(id)) return skip(index, 'duplicate-id', JSON.stringify(id));
  const municipality = text(properties.municipality);
  if (municipality === undefined) return skip(index, 'missing-municipality');
  seenIds.add(id);
  const member: Member = { id, municipality, ...point };
  for (const field of TEXT_FIELDS) {
    const value = text(properties[field]);
    if (value !== undefined) member[field] = value;
  }
  return member;
}

/** How many features the stepwise parser checks between two pauses. */
const FEATURES_PER_STEP = 250;

/**
 * Turns parsed JSON into members. Throws `MemberDataError` only when the input as a whole is
 * unusable; single bad features are returned in `skipped` and never hide the valid ones.
 */
export function parseMembers(input: unknown): MemberCollection {
  const parsing = parseMembersStepwise(input);
  for (;;) {
    const step = parsing.next();
    if (step.done) return step.value;
  }
}

/**
 * `parseMembers` in steps: pauses (yields) after every few hundred features, so that a caller can
 * spread a large file over several tasks. Returns the same result and throws the same errors.
 */
export function* parseMembersStepwise(input: unknown): Generator<void, MemberCollection> {
  if (!isObject(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
    throw new MemberDataError('not-collection', 'The data is not a GeoJSON FeatureCollection.');
  }
  if (input.features.length === 0) {
    throw new MemberDataError('empty', 'The FeatureCollection has no features.');
  }
  const members: Member[] = [];
  const skipped: SkippedFeature[] = [];
  const seenIds = new Set<string>();

  const features: unknown[] = input.features;
  // An index loop, not forEach: a sparse array (possible through the `data` property) has holes
  // that forEach would pass over silently.
  for (let index = 0; index < features.length; index += 1) {
    if (index > 0 && index % FEATURES_PER_STEP === 0) yield;
    const result = readFeature(features[index], index, seenIds);
    if ('reason' in result) skipped.push(result);
    else members.push(result);
  }

  if (members.length === 0) {
    throw new MemberDataError('no-valid-members', 'No feature of the FeatureCollection can be shown.', { skipped });
  }
  return { members, skipped };
}
