/** How this process reaches its own sandbox API (loopback, whatever address users browse). */
export function internalSandboxServer(): string {
  const base = process.env.FACET_INTERNAL_URL || `http://127.0.0.1:${process.env.PORT || 3000}`;
  return `${base.replace(/\/+$/, "")}/sandbox/k8s`;
}
