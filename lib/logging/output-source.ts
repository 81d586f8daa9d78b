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
): Promise<{ source: Source; secret?: Record<string, string> | (() => Promise<Record<string, string>>) }> {
  if ("yaml" in body) return { source: { yaml: body.yaml } };
  const form = body as OutputForm;
  if (form.type !== "facet") {
    const { object, secret } = outputFromForm(form, kind, t.namespace);
    return { source: { object }, secret };
  }
  const { object } = outputFromForm(form, kind, t.namespace, { url: facetPushUrl(t.cluster), token: "" });
  // Minted only once the output passed every check, and only if its Secret has no token yet.
  const secret = async (): Promise<Record<string, string>> =>
    (await outputSecretHas(t, form.name, "password"))
      ? {}
      : { username: "facet", password: await mintToken(ctx, t, `logging output ${form.name}`) };
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
