import "server-only";
import type { KubernetesObject } from "@kubernetes/client-node";
import { parseDocument, stringify } from "yaml";
import { writeAudit } from "@/lib/audit/write-audit";
import { onCluster } from "@/lib/clusters/upstream-error";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { firstYamlError } from "@/lib/yaml/first-yaml-error";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { environmentTarget } from "./env-client";
import { assertPodSecurity } from "./pod-security-check";
import { EDITABLE, type EditableResource } from "./resources";
import { forEditing } from "./editable-object";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

/** Replaces an object from edited YAML. The YAML must name the same kind, name and namespace,
 *  and carry the resourceVersion it was read at: a stale edit is the cluster's 409. */
export const putObjectYaml = verb(
  "workloads.object.put",
  "workloads.update",
  async ({ ctx, input }: VerbArgs<{ resource: EditableResource; name: string; yaml: string }, EnvironmentCtx>) => {
    const doc = parseDocument(input.yaml);
    const problem = firstYamlError([doc]);
    if (problem) {
      throw new AppError(
        "VALIDATION",
        `The YAML is not valid at line ${problem.line}, column ${problem.column}: ${problem.message}`,
        { errors: [{ path: "body.yaml", message: `line ${problem.line}: ${problem.message}` }] },
      );
    }
    const object = doc.toJS() as KubernetesObject;
    const { client, namespace, cluster } = await environmentTarget(ctx);
    const expected = EDITABLE[input.resource];
    const problems: string[] = [];
    if (object?.kind !== expected.kind) problems.push(`kind must stay ${expected.kind}`);
    if (object?.apiVersion !== expected.apiVersion) problems.push(`apiVersion must stay ${expected.apiVersion}`);
    if (object?.metadata?.name !== input.name) problems.push(`metadata.name must stay ${input.name}`);
    if ((object?.metadata?.namespace ?? namespace) !== namespace)
      problems.push(`metadata.namespace must stay ${namespace}`);
    if (!object?.metadata?.resourceVersion)
      problems.push("metadata.resourceVersion is needed so that a stale edit is refused");
    if (problems.length)
      throw new AppError("VALIDATION", `The object cannot be saved: ${problems.join("; ")}.`, {
        errors: problems.map((m) => ({ path: "body.yaml", message: m })),
      });
    object.metadata!.namespace = namespace;
    await assertPodSecurity(ctx, object);
    const saved = await onCluster(cluster, () => client.objects.replace(object));
    await writeAudit(getDb(), ctx, {
      action: "workloads.update",
      tenantId: ctx.scope.tenant.id,
      target: `cluster/${cluster}/namespace/${namespace}/${input.resource}/${input.name}`,
      after: { resourceVersion: saved.metadata?.resourceVersion },
    });
    return { yaml: stringify(forEditing(saved)), resourceVersion: saved.metadata?.resourceVersion ?? null };
  },
);
