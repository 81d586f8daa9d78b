import { ProblemPanel } from "@/components/console/problem-panel";
import { allowed, consoleContext, loadOperation, publicOrigin } from "@/lib/console/page";
import type { EnvNames } from "@/lib/telemetry/client";
import { IngestTokensPanel } from "./ingest-tokens-panel";

// Server halves of the ingest tokens panel: each loads its list so that a page renders it in one line.

/** An environment's tokens; render it only for actors who hold ingest-tokens.read there. */
export async function EnvironmentIngestTokens({
  names,
  namespace,
  canCreate,
}: {
  names: EnvNames;
  namespace: string;
  canCreate: boolean;
}) {
  const ctx = await consoleContext();
  const [result, origin] = await Promise.all([
    loadOperation(ctx, "listIngestTokens", { params: names }),
    publicOrigin(),
  ]);
  if (!result.ok) return <ProblemPanel problem={result.error} />;
  return (
    <IngestTokensPanel
      owner={{ kind: "environment", params: names, namespace }}
      tokens={result.data.items}
      origin={origin}
      canCreate={canCreate}
    />
  );
}

/** A cluster's cluster-wide tokens, for the sysadmin-only cluster page. */
export async function ClusterIngestTokens({ cluster }: { cluster: string }) {
  const ctx = await consoleContext();
  const [result, origin] = await Promise.all([
    loadOperation(ctx, "listClusterIngestTokens", { params: { cluster } }),
    publicOrigin(),
  ]);
  const can = allowed(ctx, {}, ["clusters.ingest-tokens.create"] as const);
  return (
    <div className="mt-6">
      {result.ok ? (
        <IngestTokensPanel
          owner={{ kind: "cluster", params: { cluster } }}
          tokens={result.data.items}
          origin={origin}
          canCreate={can["clusters.ingest-tokens.create"]}
        />
      ) : (
        <ProblemPanel problem={result.error} />
      )}
    </div>
  );
}
