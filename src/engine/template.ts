/**
 * Fills `{name}` placeholders. A part written as `[[ ... ]]` is kept only when
 * every placeholder inside it has a value, so a pack can say "[[ ({notice_days}
 * days' notice)]]" without printing "undefined days" when the user was not sure.
 * A placeholder outside `[[ ]]` with no value falls back to `fallback(name)`.
 */
export function fillTemplate(
  text: string,
  values: Readonly<Record<string, string | undefined>>,
  fallback: (name: string) => string = (name) => `{${name}}`,
): string {
  const optional = text.replace(/\[\[([\s\S]*?)\]\]/g, (_, inner: string) =>
    placeholders(inner).every((name) => values[name] !== undefined) ? inner : '',
  );
  return optional.replace(/\{([a-zA-Z][\w-]*)\}/g, (_, name: string) => values[name] ?? fallback(name));
}

export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{([a-zA-Z][\w-]*)\}/g)].map((m) => m[1] as string);
}
