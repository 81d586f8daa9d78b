import "server-only";
import type { KubernetesObject } from "@kubernetes/client-node";
import { onCluster } from "@/lib/clusters/upstream-error";
import { verb, type VerbArgs } from "@/lib/core/verb";
import { environmentTarget } from "./env-client";
import { KIND_VIEWS, type KindRows } from "./kind-views";
import { EDITABLE, type ListableResource } from "./resources";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";

export interface ObjectPage<R extends ListableResource = ListableResource> {
  resource: R;
  items: KindRows[R][];
  /** The cluster's continue token, opaque: pass it back as `cursor` for the next page. */
  nextCursor: string | null;
}

// Typed kinds come back as V1ListMeta (`_continue`); anything else keeps the wire name.
const continueOf = (m?: { _continue?: string; continue?: string }) => m?._continue || m?.continue || null;

/** One page of a kind in the environment's namespace, read live with the cluster's own paging. */
export const listObjects = verb(
  "workloads.objects.list",
  "workloads.read",
  async ({
    ctx,
    input,
  }: VerbArgs<{ resource: ListableResource; limit: number; cursor?: string }, EnvironmentCtx>): Promise<ObjectPage> => {
    const { client, namespace, cluster } = await environmentTarget(ctx);
    const { apiVersion, kind } = EDITABLE[input.resource];
    const list = await onCluster(cluster, () =>
      client.objects.list<KubernetesObject>(
        apiVersion,
        kind,
        namespace,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        input.limit,
        input.cursor,
      ),
    );
    const view = KIND_VIEWS[input.resource] as (o: KubernetesObject) => KindRows[ListableResource];
    return {
      resource: input.resource,
      items: list.items.map(view),
      nextCursor: continueOf(list.metadata),
    };
  },
);
