import type { ReactiveElement } from 'lit';

/**
 * Each attribute's property value before any attribute was read, so that removing an attribute
 * restores it: Lit would set null, and a CMS that drops an attribute means "back to the default".
 * Call it in the constructor, after the properties got their defaults.
 */
export function attributeDefaults(element: ReactiveElement): (attribute: string, value: string | null) => void {
  const defaults = new Map<string, { name: string; value: unknown }>();
  for (const [name, options] of (element.constructor as typeof ReactiveElement).elementProperties) {
    if (options.attribute === false || typeof name !== 'string') continue;
    const attribute = typeof options.attribute === 'string' ? options.attribute : name.toLowerCase();
    defaults.set(attribute, { name, value: element[name as keyof ReactiveElement] });
  }
  return (attribute, value) => {
    const initial = value === null ? defaults.get(attribute) : undefined;
    if (initial) (element as unknown as Record<string, unknown>)[initial.name] = initial.value;
  };
}
