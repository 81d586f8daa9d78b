import "server-only";
import { stringify } from "yaml";
import { onCluster } from "@/lib/clusters/upstream-error";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { environmentTarget } from "./env-client";
import { type EditableResource } from "./resources";
import { header, forEditing } from "./editable-object";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

export const getObjectYaml = verb(
  "workloads.object.get",
  "workloads.read",
  async ({ ctx, input }: VerbArgs<{ resource: EditableResource; name: string }, EnvironmentCtx>) => {
    const { client, namespace, cluster } = await environmentTarget(ctx);
    const object = await onCluster(cluster, () => client.objects.read(header(input.resource, input.name, namespace)));
    const resourceVersion = object.metadata?.resourceVersion ?? null;
    return { yaml: stringify(forEditing(object)), resourceVersion };
  },
);
