import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Member } from '../data/members.js';
import type { SearchAnswer } from '../features/place-search.js';
import type { Strings } from '../i18n/index.js';
import type { ViewMode } from '../templates/toolbar.js';
import { FeatureController } from './feature-controller.js';

interface ListHost extends ReactiveControllerHost, HTMLElement {
  view: ViewMode;
  region: string;
  center: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The list view: its part loads when it is first shown (the list is busy and says so until then); from
 * it, "Auf der Karte zeigen" returns to the map with the member's popup; the skip link leads to it.
 */
export class ListController {
  private readonly part: FeatureController<'list'>;

  constructor(
    private readonly host: ListHost,
    /** Opens the member's popup on the map, with the focus in it. */
    private readonly showOnMapAt: (id: string) => void,
  ) {
    this.part = new FeatureController(host, 'list');
  }

  render(found: Member[], answer: SearchAnswer, strings: Strings, empty: TemplateResult) {
    const list = this.part.get();
    if (!list) return html`<div class="list" part="list" tabindex="-1" aria-busy="true">${this.part.renderFailure(strings)}</div>`;
    const { place, nearby } = answer;
    const options = { strings, showOnMap: this.showOnMap, empty };
    return list.memberList(found, place && nearby ? { ...options, nearby: { place, members: nearby } } : options);
  }

  /** The skip link: to the list, with the focus on it once it is there. */
  readonly skipToList = async () => {
    this.host.view = 'list';
    await this.part.load();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('.list')?.focus();
  };

  private readonly showOnMap = async (member: Member) => {
    this.host.view = 'map';
    this.host.region = '';
    this.host.center = '';
    await this.host.updateComplete;
    this.showOnMapAt(member.id);
  };
}
