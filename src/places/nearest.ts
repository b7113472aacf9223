// The members nearest to a place, by great-circle distance. Pure.

import type { Member } from '../data/members.js';
import { placeKey, TITLE } from './place-index.js';
import type { Place } from './places-file.js';

const EARTH_RADIUS_KM = 6371.0088; // mean radius (IUGG)
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = radians(b.lat - a.lat);
  const dLng = radians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface NearbyMember {
  member: Member;
  km: number;
  /** The member works for the municipality itself. */
  local: boolean;
}

// A member file may write "Stadt Heidelberg" where the gazetteer says "Heidelberg" (only the
// member's side loses its title: the place's name is official).

/** Whether the member belongs to the municipality `place` (same name, and same Land when it has one). */
export function isLocal(member: Member, place: Place): boolean {
  const name = placeKey(place.name);
  const key = placeKey(member.municipality);
  if (key !== name && key.replace(TITLE, '') !== name) return false;
  return !member.state || [place.land.name, place.land.iso, `DE-${place.land.iso}`].some((name) => placeKey(name) === placeKey(member.state!));
}

/**
 * The members of the municipality itself (all of them), then the nearest others until `count` are
 * listed; each with its distance from the place, nearest first within each part.
 */
export function nearestMembers(members: readonly Member[], place: Place, count: number): NearbyMember[] {
  const all = members.map((member) => ({ member, km: distanceKm(place, member), local: isLocal(member, place) }));
  const byDistance = (a: NearbyMember, b: NearbyMember) => a.km - b.km;
  const local = all.filter((item) => item.local).sort(byDistance);
  const others = all.filter((item) => !item.local).sort(byDistance);
  return [...local, ...others.slice(0, Math.max(0, count - local.length))];
}
