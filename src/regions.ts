// The 16 Bundesländer with their ISO 3166-2 codes, for `region="DE-BW"` or `region="Baden-Württemberg"`.
import type { Member } from './data/members.js';
import { foldText } from './search.js';

const STATES: Record<string, string> = {
  'DE-BW': 'Baden-Württemberg',
  'DE-BY': 'Bayern',
  'DE-BE': 'Berlin',
  'DE-BB': 'Brandenburg',
  'DE-HB': 'Bremen',
  'DE-HH': 'Hamburg',
  'DE-HE': 'Hessen',
  'DE-MV': 'Mecklenburg-Vorpommern',
  'DE-NI': 'Niedersachsen',
  'DE-NW': 'Nordrhein-Westfalen',
  'DE-RP': 'Rheinland-Pfalz',
  'DE-SL': 'Saarland',
  'DE-SN': 'Sachsen',
  'DE-ST': 'Sachsen-Anhalt',
  'DE-SH': 'Schleswig-Holstein',
  'DE-TH': 'Thüringen',
};

/** The German name of the Bundesland `region` names (ISO code or name), or undefined. */
export function stateOf(region: string): string | undefined {
  const wanted = region.trim();
  if (!wanted) return undefined;
  const code = wanted.toUpperCase();
  const byCode = STATES[code] ?? STATES[`DE-${code}`];
  if (byCode) return byCode;
  return Object.values(STATES).find((name) => foldText(name) === foldText(wanted));
}

/** The members of one Bundesland (its name or ISO code in their `state`); all when `region` is empty. */
export function membersInRegion(members: Member[], region: string): Member[] {
  if (!region.trim()) return members;
  const state = stateOf(region);
  if (!state) return members;
  const code = Object.keys(STATES).find((key) => STATES[key] === state)!;
  const names = new Set([foldText(state), foldText(code), foldText(code.slice(3))]);
  return members.filter((member) => member.state !== undefined && names.has(foldText(member.state)));
}
