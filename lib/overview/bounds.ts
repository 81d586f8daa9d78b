// How much work one overview may do: every list is capped and every cluster call timed out,
// so the page answers quickly however large the installation is.
export const OVERVIEW_BOUNDS = {
  clusters: 10,
  tenants: 20,
  /** Tenants shown of those considered (the most used first). */
  tenantsShown: 10,
  environments: 20,
  /** Environments whose usage is read from their clusters (one cluster call each). */
  environmentUsage: 8,
  services: 10,
  audit: 10,
  /** APM window: the last hour. */
  windowMs: 3_600_000,
  /** Read per call, so a deployment (or a test) can tune it. */
  clusterTimeoutMs: () => Number(process.env.FACET_OVERVIEW_CLUSTER_TIMEOUT_MS ?? 5_000),
} as const;
