// Safe to import from client components. Namespaces no environment may ever use or adopt.
export const BUILTIN_RESERVED = ["kube-*", "default", "facet-*"] as const;

const matches = (entry: string, name: string) =>
  entry.endsWith("-*") ? name.startsWith(entry.slice(0, -1)) : name === entry;

/** Which reserved entry the name falls under, or null. */
export function reservedBy(name: string, extra: readonly string[] = []): string | null {
  for (const entry of [...BUILTIN_RESERVED, ...extra]) if (matches(entry, name)) return entry;
  return null;
}
