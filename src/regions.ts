// `region="DE-BW"` or `region="Baden-Württemberg"`: one Bundesland's members, and its outline.
import type { Member } from './data/members.js';
import { LAENDER, type Land } from './places/laender.js';
import { foldText } from './search.js';

/** The Bundesland `region` names (ISO code with or without `DE-`, or its German name), or undefined. */
export function landOf(region: string): Land | undefined {
  const wanted = region.trim();
  if (!wanted) return undefined;
  const code = wanted.toUpperCase().replace(/^DE-/, '');
  return LAENDER.find((land) => land.iso === code || foldText(land.name) === foldText(wanted));
}

/** The German name of the Bundesland `region` names, or undefined. */
export const stateOf = (region: string): string | undefined => landOf(region)?.name;

/** The members of one Bundesland (its name or ISO code in their `state`); all when `region` is empty. */
export function membersInRegion(members: Member[], region: string): Member[] {
  const land = landOf(region);
  if (!land) return members;
  const names = new Set([foldText(land.name), foldText(`DE-${land.iso}`), foldText(land.iso)]);
  return members.filter((member) => member.state !== undefined && names.has(foldText(member.state)));
}
