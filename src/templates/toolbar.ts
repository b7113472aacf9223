import { html, nothing, type TemplateResult } from 'lit';
import type { Strings } from '../i18n/index.js';

export type ViewMode = 'map' | 'list';

export interface ToolbarOptions {
  strings: Strings;
  query: string;
  view: ViewMode;
  onSearch: (query: string) => void;
  onView: (view: ViewMode) => void;
  fullscreen: boolean;
  onFullscreen: () => void;
  /** The pointer or the focus reached the fullscreen button: its work may load now. */
  onFullscreenNear: () => void;
  /** The "Mitglied werden?" button: in the toolbar, so that it never covers the map or the list. */
  contact?: TemplateResult;
}

/**
 * The search field (with a label that narrow elements show as a magnifier), the map/list switch,
 * fullscreen and the contact button. The layout follows the element's own width (container queries).
 */
export function toolbar({ strings, query, view, onSearch, onView, fullscreen, onFullscreen, onFullscreenNear, contact }: ToolbarOptions): TemplateResult {
  const toggle = (mode: ViewMode, label: string) => html`
    <button type="button" aria-pressed=${view === mode ? 'true' : 'false'} @click=${() => onView(mode)}>${label}</button>
  `;
  return html`
    <div class="toolbar">
      <div class="search">
        <label for="search">${strings.searchLabel}</label>
        <input
          id="search"
          part="search"
          type="search"
          autocomplete="off"
          placeholder=${strings.searchPlaceholder}
          .value=${query}
          @input=${(event: InputEvent) => onSearch((event.target as HTMLInputElement).value)}
        />
      </div>
      <div class="toolbar-end">
        <button
          type="button"
          class="fullscreen-button"
          aria-pressed=${fullscreen ? 'true' : 'false'}
          @click=${onFullscreen}
          @pointerenter=${onFullscreenNear}
          @focus=${onFullscreenNear}
        >
          <span class="fullscreen-icon" aria-hidden="true"></span><span class="fullscreen-label">${fullscreen ? strings.exitFullscreen : strings.fullscreen}</span>
        </button>
        <div class="view-toggle" role="group" aria-label=${strings.viewLabel}>
          ${toggle('map', strings.viewMap)} ${toggle('list', strings.viewList)}
        </div>
        ${contact ?? nothing}
      </div>
    </div>
  `;
}
