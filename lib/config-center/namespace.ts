// A project's Nacos namespace id: stable across renames because it is made of ids.
const PATTERN = /^facet-(\d{1,15})-(\d{1,15})$/;

export function namespaceOf(tenantId: number, projectId: number): string {
  return `facet-${tenantId}-${projectId}`;
}

export function parseNamespace(namespace: string): { tenantId: number; projectId: number } | null {
  const match = PATTERN.exec(namespace);
  return match ? { tenantId: Number(match[1]), projectId: Number(match[2]) } : null;
}
