import { html, nothing, type TemplateResult } from 'lit';
import type { Member } from '../data/members.js';
import type { Strings } from '../i18n/index.js';
import { groupByState } from '../search.js';
import { contactLines } from './member-card.js';

/** Every member as plain HTML, by Bundesland and municipality: usable without the map at all. */
export function memberList(
  members: Member[],
  strings: Strings,
  showOnMap: (member: Member) => void,
  empty: TemplateResult,
): TemplateResult {
  return html`
    <section class="list" part="list" tabindex="-1" aria-label=${strings.listTitle}>
      ${members.length === 0
        ? empty
        : groupByState(members, strings.withoutState).map(
            (group) => html`
              <section class="list-group">
                <h3>${group.state}</h3>
                <ul class="list-members">
                  ${group.members.map(
                    (member) => html`
                      <li class="list-member">
                        <p class="list-member__place">${member.municipality}</p>
                        ${member.name ? html`<p>${member.name}</p>` : nothing}
                        ${member.role ? html`<p>${member.role}</p>` : nothing}
                        ${member.organisation ? html`<p class="list-member__organisation">${member.organisation}</p>` : nothing}
                        ${contactLines(member, strings)}
                        <button type="button" class="link-button" @click=${() => showOnMap(member)}>
                          ${strings.showOnMap}<span class="visually-hidden">: ${member.municipality}</span>
                        </button>
                      </li>
                    `,
                  )}
                </ul>
              </section>
            `,
          )}
    </section>
  `;
}
