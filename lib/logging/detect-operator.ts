import "server-only";
import { upstreamError } from "@/lib/clusters/upstream-error";
import { isNotFound } from "./cluster-objects";
import { LOGGING_GROUP, LOGGING_VERSION } from "./constants";
import type { LoggingTarget } from "./target";

export interface OperatorStatus {
  installed: boolean;
  controlNamespace: string | null;
  message?: string;
}

/**
 * Whether the Logging Operator runs on the target's cluster: its CRDs are served and a `Logging`
 * resource names the control namespace. A cluster without it is reported, not an error.
 */
export async function detectOperator(t: LoggingTarget): Promise<OperatorStatus> {
  let items: { spec?: { controlNamespace?: string } }[];
  try {
    const list = (await t.client.custom.listClusterCustomObject({
      group: LOGGING_GROUP,
      version: LOGGING_VERSION,
      plural: "loggings",
    })) as { items?: { spec?: { controlNamespace?: string } }[] };
    items = list.items ?? [];
  } catch (error) {
    if (!isNotFound(error)) throw upstreamError(t.cluster.name, error);
    return notInstalled(
      `The Logging Operator is not installed on cluster '${t.cluster.name}': it does not serve loggings.${LOGGING_GROUP}. Install the operator (with a Logging resource) to collect logs.`,
    );
  }
  const controlNamespace = items.map((l) => l.spec?.controlNamespace).find((n): n is string => Boolean(n)) ?? null;
  if (!controlNamespace)
    return notInstalled(
      `The Logging Operator's resource types exist on cluster '${t.cluster.name}', but no Logging resource names a control namespace. Create one to start collecting.`,
    );
  return { installed: true, controlNamespace };
}

const notInstalled = (message: string): OperatorStatus => ({ installed: false, controlNamespace: null, message });
