// The only places where text from data or attributes becomes a link target. Lit does not sanitise
// URLs in attribute bindings, so everything that reaches an `href` comes through here.

// The local part takes the marks RFC 5322 allows, but not `?` or `#`, which would end the address
// in a mailto: link; the domain takes only what DNS names (and umlaut domains) consist of.
const EMAIL = /^[\p{L}\p{N}._+!$%&'*=^`{|}~/-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u;

/** Accepts `name@domain` and the spam-safe spellings `name(at)domain`, `name [at] domain`. */
export function normaliseEmail(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const email = value.trim().replace(/\s*[([]\s*at\s*[)\]]\s*/i, '@');
  return EMAIL.test(email) ? email : undefined;
}

export function mailtoHref(email: string | undefined, subject?: string): string | undefined {
  const address = normaliseEmail(email);
  if (!address) return undefined;
  // The address was validated above; encodeURI keeps `@` readable and escapes anything unusual.
  const query = subject ? `?subject=${encodeURIComponent(subject)}` : '';
  return `mailto:${encodeURI(address)}${query}`;
}

/** `tel:` with digits only (and a leading +), or nothing when too few digits remain. */
export function telHref(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 3 || /[a-z]/i.test(trimmed)) return undefined;
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}

/**
 * Only `http:` and `https:` are ever returned. A bare `www.example.org` (common in spreadsheets)
 * is read as `https://`; every other scheme (`javascript:`, `data:` …) gives `undefined`.
 */
export function webHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const candidate = url.trim();
  const withScheme = /^www\./i.test(candidate) ? `https://${candidate}` : candidate;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return undefined;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
}

/** What a visitor reads for a website link: without scheme and trailing slash. */
export function displayUrl(href: string): string {
  return href.replace(/^https?:\/\//i, '').replace(/\/$/, '');
}
