// Writes every event of every <member-map> on the page into #event-log (as text, never as HTML).
const log = document.querySelector<HTMLOListElement>('#event-log')!;
const EVENTS = ['member-map-load', 'member-map-error', 'member-map-select', 'member-map-consent'] as const;

for (const type of EVENTS) {
  document.addEventListener(type, (event) => {
    const { detail } = event as CustomEvent<Record<string, unknown>>;
    const summary = type === 'member-map-select' ? { id: detail.id } : detail;
    const entry = document.createElement('li');
    const map = event.target as HTMLElement;
    const which = map.closest('[lang]')?.getAttribute('lang') ?? '';
    entry.textContent = `${new Date().toLocaleTimeString('de-DE')} · ${type} (${which}) · ${JSON.stringify(summary)}`;
    log.prepend(entry);
  });
}
