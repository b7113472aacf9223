// Pure search and grouping over members: no DOM, no Leaflet.
import type { Member } from './data/members.js';

/**
 * Lower case, without accents, ß as ss, and umlauts spelled out meeting plain ones: "Köln", "koln"
 * and "Koeln" meet, as do "Gießen" and "giessen" (the place search compares names the same way).
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/([aou])e/g, '$1');
}

const SEARCHED = ['name', 'role', 'organisation', 'municipality', 'state'] as const;

/** Members matching every word of `query` in name, role, organisation, municipality or state. */
export function searchMembers(members: Member[], query: string): Member[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return members;
  return members.filter((member) => {
    const haystack = foldText(SEARCHED.map((field) => member[field] ?? '').join(' '));
    return words.every((word) => haystack.includes(word));
  });
}

export interface StateGroup {
  state: string;
  members: Member[];
}

const collator = new Intl.Collator('de');

/** Members grouped by Bundesland (alphabetically, members without one last), sorted by municipality. */
export function groupByState(members: Member[], withoutState: string): StateGroup[] {
  const groups = new Map<string, Member[]>();
  for (const member of members) {
    const state = member.state ?? '';
    const group = groups.get(state);
    if (group) group.push(member);
    else groups.set(state, [member]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b)))
    .map(([state, list]) => ({
      state: state || withoutState,
      members: list.sort(
        (a, b) => collator.compare(a.municipality, b.municipality) || collator.compare(a.role ?? '', b.role ?? ''),
      ),
    }));
}
