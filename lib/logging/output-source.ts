import "server-only";
import type { AuthedContext } from "@/lib/core/context";
import { createEnvironmentIngestToken } from "@/lib/telemetry/tokens/create-environment-ingest-token";
import { create as mintIngestToken, clusterOwner } from "@/lib/telemetry/tokens/ingest-token-store";
import { outputFromForm } from "./forms";
import { outputSecretHas } from "./output-secrets";
import type { OutputBody, OutputForm } from "./schemas";
import type { Source } from "./submit";
import { facetPushUrl, type LoggingTarget } from "./target";

/**
 * An output body as what the pipeline checks, plus the Secret data a form brings. A "facet"
 * output gets a fresh ingest token (environment's, or the cluster's for a ClusterOutput) the
 * first time; an edit keeps the token already in its Secret.
 */
export async function outputSource(
  ctx: AuthedContext,
  t: LoggingTarget,
  body: OutputBody,
  kind: "Output" | "ClusterOutput",
): Promise<{ source: Source; secret?: Record<string, string> }> {
  if ("yaml" in body) return { source: { yaml: body.yaml } };
  const form = body as OutputForm;
  let facet: { url: string; token: string } | undefined;
  let keepToken = false;
  if (form.type === "facet") {
    keepToken = await outputSecretHas(t, form.name, "password");
    const token = keepToken ? "" : await mintToken(ctx, t, `logging output ${form.name}`);
    facet = { url: facetPushUrl(t.cluster), token };
  }
  const { object, secret } = outputFromForm(form, kind, t.namespace, facet);
  if (keepToken) delete secret.password;
  return { source: { object }, secret };
}

/** Mints the ingest token a Facet output pushes with; only the Secret keeps it. */
export async function mintToken(ctx: AuthedContext, t: LoggingTarget, name: string): Promise<string> {
  if (t.environmentId !== null) return (await createEnvironmentIngestToken({ ctx, input: { name } })).token;
  // The cluster's token is minted on behalf of whoever turns collection on (an environment
  // writer may): it only lets this cluster's logs in, mapped by namespace to their environments.
  return (await mintIngestToken(ctx, await clusterOwner(t.cluster.name), { name }, "clusters.ingest-tokens.create"))
    .token;
}
