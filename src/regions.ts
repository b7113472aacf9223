// `region="DE-BW"` or `region="Baden-Württemberg"`: one Bundesland's members, and its outline.
import type { Member } from './data/members.js';
import type { Land } from './places/laender.js';
import { landNamed } from './places/place-index.js';

/** The Bundesland `region` names (ISO code with or without `DE-`, or its German name in any spelling), or undefined. */
export const landOf = (region: string): Land | undefined => (region.trim() ? landNamed(region) : undefined);

/** The German name of the Bundesland `region` names, or undefined. */
export const stateOf = (region: string): string | undefined => landOf(region)?.name;

let last: { members: Member[]; region: string; result: Member[] } | undefined;

/**
 * The members of one Bundesland (its name or ISO code in their `state`); all when `region` is empty.
 * The same arguments give the same array, so that the search's answers can be reused.
 */
export function membersInRegion(members: Member[], region: string): Member[] {
  const land = landOf(region);
  if (!land) return members;
  if (last?.members === members && last.region === region) return last.result;
  const result = members.filter((member) => member.state !== undefined && landOf(member.state) === land);
  last = { members, region, result };
  return result;
}
