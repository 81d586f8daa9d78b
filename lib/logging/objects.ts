import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import type { AuthedContext } from "@/lib/core/context";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { inTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { lastChanges, flowRates } from "./activity";
import {
  deleteLoggingObject,
  listLoggingObjects,
  readLoggingObject,
  writeLoggingObject,
  type LoggingObject,
} from "./cluster-objects";
import { isFlowKind, type LoggingKind } from "./constants";
import { detectOperator, type OperatorStatus } from "./detect-operator";
import { flowItem, outputItem } from "./items";
import { deleteOutputSecret, upsertOutputSecret } from "./output-secrets";
import type { Diff, FlowItem, OutputItem, RatePoint } from "./schemas";
import { checkSubmission, type Source } from "./submit";
import { auditTarget, type LoggingTarget } from "./target";

// What the verbs of both levels share: an environment's Flows/Outputs and a cluster's
// ClusterFlows/ClusterOutputs are the same objects in different namespaces.

export type Item = FlowItem | OutputItem;

async function rates(ctx: AuthedContext, t: LoggingTarget, kind: LoggingKind): Promise<Map<string, RatePoint[]>> {
  if (kind !== "Flow" || t.environmentId === null) return new Map();
  return flowRates(ctx as EnvironmentCtx);
}

function toItem(
  t: LoggingTarget,
  kind: LoggingKind,
  o: LoggingObject,
  changes: Map<string, Item["lastChange"] & object>,
  lines: Map<string, RatePoint[]>,
): Item {
  const lastChange = changes.get(auditTarget(t, kind, o.metadata.name)) ?? null;
  return isFlowKind(kind)
    ? flowItem(o, kind, { lastChange, linesPerSecond: lines.get(o.metadata.name) ?? [] })
    : outputItem(o, kind, lastChange);
}

const operatorMissing = (operator: OperatorStatus) =>
  new AppError("CONFLICT", operator.message ?? "The Logging Operator is not installed on this cluster.");

/** Every object of a kind, with the operator's state; a cluster without the operator lists nothing. */
export async function listItems(
  ctx: AuthedContext,
  t: LoggingTarget,
  kind: LoggingKind,
): Promise<{ operator: OperatorStatus; items: Item[]; objects: LoggingObject[] }> {
  const operator = await detectOperator(t);
  const objects = operator.installed ? await listLoggingObjects(t, kind) : [];
  if (objects === null)
    return {
      operator: {
        installed: false,
        controlNamespace: null,
        message: `Cluster '${t.cluster.name}' has a Logging resource but does not serve ${kind}s: install the operator's CRDs.`,
      },
      items: [],
      objects: [],
    };
  const [changes, lines] = await Promise.all([lastChanges(t), rates(ctx, t, kind)]);
  return { operator, items: objects.map((o) => toItem(t, kind, o, changes, lines)), objects };
}

export async function getItem(ctx: AuthedContext, t: LoggingTarget, kind: LoggingKind, name: string): Promise<Item> {
  const o = await readLoggingObject(t, kind, name);
  if (!o) throw new AppError("NOT_FOUND", `The ${kind} '${name}' does not exist.`);
  const [changes, lines] = await Promise.all([lastChanges(t), rates(ctx, t, kind)]);
  return toItem(t, kind, o, changes, lines);
}

export interface SubmitInput {
  kind: LoggingKind;
  source: Source;
  mode: "create" | "update";
  name?: string;
  resourceVersion?: string;
  /** Credentials for the output's Secret (from a form); a function runs only once every check passed. */
  secret?: Record<string, string> | (() => Promise<Record<string, string>>);
  /** The audit action, e.g. `logging.flow.create`. */
  action: string;
}

/**
 * Checks everything (422/409 before the cluster sees a real write), then applies: the audit row
 * is written first in the transaction, so a failed apply leaves no row and a failed row no change.
 */
export async function submitItem(
  ctx: AuthedContext,
  t: LoggingTarget,
  input: SubmitInput,
): Promise<{ item: Item; diff: Diff }> {
  const operator = await detectOperator(t);
  if (!operator.installed) throw operatorMissing(operator);
  const checked = await checkSubmission({
    target: t,
    kinds: [input.kind],
    source: input.source,
    mode: input.mode,
    name: input.name,
    resourceVersion: input.resourceVersion,
  });
  const name = checked.object.metadata.name;
  const secret = typeof input.secret === "function" ? await input.secret() : input.secret;
  const saved = await inTransaction(async (tx) => {
    await writeAudit(tx, ctx, {
      action: input.action,
      tenantId: t.tenantId,
      target: auditTarget(t, input.kind, name),
      before: checked.live
        ? { resourceVersion: checked.live.metadata.resourceVersion, spec: checked.live.spec }
        : undefined,
      after: { spec: checked.object.spec },
    });
    if (secret) await upsertOutputSecret(t, name, secret);
    return writeLoggingObject(t, input.kind, checked.object, { replace: Boolean(checked.live), dryRun: false });
  });
  const [changes, lines] = await Promise.all([lastChanges(t), rates(ctx, t, input.kind)]);
  return { item: toItem(t, input.kind, saved, changes, lines), diff: checked.diff };
}

export async function deleteItem(
  ctx: AuthedContext,
  t: LoggingTarget,
  kind: LoggingKind,
  name: string,
  action: string,
): Promise<void> {
  const live = await readLoggingObject(t, kind, name);
  if (!live) throw new AppError("NOT_FOUND", `The ${kind} '${name}' does not exist.`);
  if (kind === "Output") {
    // A Flow left pointing at a missing Output stops shipping everything it collects.
    const users = ((await listLoggingObjects(t, "Flow")) ?? []).filter((f) =>
      ((f.spec?.localOutputRefs as unknown[]) ?? []).includes(name),
    );
    if (users.length)
      throw new AppError(
        "CONFLICT",
        `The Flow '${users[0].metadata.name}' sends to the Output '${name}'; remove it from that Flow first.`,
        { details: { flows: users.map((f) => f.metadata.name) } },
      );
  }
  await inTransaction(async (tx) => {
    await writeAudit(tx, ctx, {
      action,
      tenantId: t.tenantId,
      target: auditTarget(t, kind, name),
      before: { resourceVersion: live.metadata.resourceVersion, spec: live.spec },
    });
    await deleteLoggingObject(t, kind, name);
    if (!isFlowKind(kind)) await deleteOutputSecret(t, name);
  });
}

/** Validate: the whole pipeline and the diff, nothing applied. */
export async function validateItem(t: LoggingTarget, yaml: string, resourceVersion?: string): Promise<Diff> {
  const operator = await detectOperator(t);
  if (!operator.installed) throw operatorMissing(operator);
  const checked = await checkSubmission({
    target: t,
    kinds: t.kinds,
    source: { yaml },
    mode: "either",
    resourceVersion,
  });
  return checked.diff;
}
