// The data files (basemap, places) sit next to the script, wherever a web editor uploaded it. A
// classic script knows its own URL only while it runs, so this is read at load time.
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src || import.meta.url || document.baseURI;

/** The URL of `file` in the script's own folder. */
export const besideScript = (file: string): string => new URL(file, scriptUrl).href;
