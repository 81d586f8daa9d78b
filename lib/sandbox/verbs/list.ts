import "server-only";
import { badRequest, expired } from "../k8s-error";
import { matchesFields, parseFieldSelector } from "../selectors/fields";
import { matchesLabels, parseLabelSelector } from "../selectors/labels";
import { inSnapshot, readObjects } from "../store/read";
import { readState } from "../store/state";
import { toTable, wantsTable, type IncludeObject } from "../table";
import { apiVersionOf, type JsonObject, type K8sObject } from "../types";
import { present, type ResourceRequest } from "./context";

interface ContinueToken {
  rv: number;
  namespace: string;
  name: string;
}

function decodeContinue(token: string): ContinueToken {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as {
      v: string;
      rv: number;
      start: string;
    };
    const [namespace, name] = parsed.start.split("/");
    if (parsed.v !== "meta.k8s.io/v1" || typeof parsed.rv !== "number" || name === undefined)
      throw new Error("bad token");
    return { rv: parsed.rv, namespace, name };
  } catch {
    throw badRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
  }
}

const encodeContinue = (rv: number, object: K8sObject) =>
  Buffer.from(
    JSON.stringify({ v: "meta.k8s.io/v1", rv, start: `${object.metadata.namespace ?? ""}/${object.metadata.name}` }),
  ).toString("base64url");

export interface Selection {
  labels: ReturnType<typeof parseLabelSelector>;
  fields: ReturnType<typeof parseFieldSelector>;
}

export function selectionFrom(query: URLSearchParams): Selection {
  return {
    labels: parseLabelSelector(query.get("labelSelector")),
    fields: parseFieldSelector(query.get("fieldSelector")),
  };
}

export const matchesSelection = (s: Selection, o: K8sObject) =>
  matchesLabels(s.labels, o.metadata.labels) && matchesFields(s.fields, o);

/** A consistent page of objects and the resourceVersion it was read at. */
export async function readList(req: ResourceRequest): Promise<{ items: K8sObject[]; metadata: JsonObject }> {
  const selection = selectionFrom(req.query);
  const limit = Number(req.query.get("limit") ?? 0);
  const token = req.query.get("continue");
  const start = token ? decodeContinue(token) : null;
  const { state, objects } = await inSnapshot(async (tx) => ({
    state: await readState(tx),
    objects: await readObjects(tx, req.type, { namespace: req.namespace || undefined, after: start ?? undefined }),
  }));
  if (start && start.rv < state.compactedVersion) {
    throw expired(
      "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.",
    );
  }
  const listVersion = start ? start.rv : state.resourceVersion;
  const matching = objects.filter((o) => matchesSelection(selection, o));
  const page = limit > 0 ? matching.slice(0, limit) : matching;
  const metadata: JsonObject = { resourceVersion: String(listVersion) };
  if (page.length < matching.length) {
    metadata.continue = encodeContinue(listVersion, page[page.length - 1]);
    if (selection.labels.length === 0 && selection.fields.length === 0)
      metadata.remainingItemCount = matching.length - page.length;
  }
  return { items: page.map((o) => present(req, o)), metadata };
}

export async function listObjects(req: ResourceRequest): Promise<unknown> {
  const { items, metadata } = await readList(req);
  if (wantsTable(req.request.headers.get("accept"))) {
    const include = (req.query.get("includeObject") as IncludeObject | null) ?? "Metadata";
    return toTable(req.type, items, metadata, include);
  }
  return { kind: req.type.listKind, apiVersion: apiVersionOf(req.type.group, req.version), metadata, items };
}
