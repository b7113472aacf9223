import { html, nothing, type TemplateResult } from 'lit';
import type { Member } from '../data/members.js';
import type { Strings } from '../i18n/index.js';
import type { NearbyMember } from '../places/nearest.js';
import type { Place } from '../places/places-file.js';
import { groupByState } from '../search.js';
import { contactLines } from './member-card.js';

export interface ListOptions {
  strings: Strings;
  showOnMap: (member: Member) => void;
  empty: TemplateResult;
  /** After a place search: the members nearest to `place`, in this order, with their distance. */
  nearby?: { place: Place; members: NearbyMember[] };
}

function listMember(member: Member, { strings, showOnMap }: ListOptions, km?: number): TemplateResult {
  return html`
    <li class="list-member">
      <p class="list-member__place">${member.municipality}</p>
      ${km === undefined ? nothing : html`<p class="list-member__distance">${strings.distance(formatKm(km, strings.locale))}</p>`}
      ${member.name ? html`<p>${member.name}</p>` : nothing}
      ${member.role ? html`<p>${member.role}</p>` : nothing}
      ${member.organisation ? html`<p class="list-member__organisation">${member.organisation}</p>` : nothing}
      ${contactLines(member, strings)}
      <button type="button" class="link-button" @click=${() => showOnMap(member)}>
        ${strings.showOnMap}<span class="visually-hidden">: ${member.municipality}</span>
      </button>
    </li>
  `;
}

/** Whole kilometres, with one decimal below 10 km ("3,4 km"). */
const formatKm = (km: number, locale: string): string =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: km < 10 ? 1 : 0 }).format(km);

/**
 * Every member as plain HTML, by Bundesland and municipality: usable without the map at all. After a
 * place search, the nearest members in order of distance instead.
 */
export function memberList(members: Member[], options: ListOptions): TemplateResult {
  const { strings, empty, nearby } = options;
  const content = nearby
    ? html`
        <section class="list-group">
          <h3>${strings.nearbyTitle(nearby.place.name)}</h3>
          <ol class="list-members">
            ${nearby.members.map(({ member, km }) => listMember(member, options, km))}
          </ol>
        </section>
      `
    : groupByState(members, strings.withoutState).map(
        (group) => html`
          <section class="list-group">
            <h3>${group.state}</h3>
            <ul class="list-members">
              ${group.members.map((member) => listMember(member, options))}
            </ul>
          </section>
        `,
      );
  return html`
    <section class="list" part="list" tabindex="-1" aria-label=${strings.listTitle}>
      ${members.length === 0 ? empty : content}
    </section>
  `;
}
