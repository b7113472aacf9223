import { html, type TemplateResult } from 'lit';
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
}

/** The search field (with a visible label) and the map/list switch. */
export function toolbar({ strings, query, view, onSearch, onView, fullscreen, onFullscreen }: ToolbarOptions): TemplateResult {
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
        <div class="view-toggle" role="group" aria-label=${strings.viewLabel}>
          ${toggle('map', strings.viewMap)} ${toggle('list', strings.viewList)}
        </div>
        <button type="button" class="fullscreen-button" aria-pressed=${fullscreen ? 'true' : 'false'} @click=${onFullscreen}>
          ${fullscreen ? strings.exitFullscreen : strings.fullscreen}
        </button>
      </div>
    </div>
  `;
}
