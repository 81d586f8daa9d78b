import "server-only";
import { badRequest, notFound } from "../k8s-error";
import { pruneAndDefault } from "../structural-schema";
import { getDb } from "@/lib/db/client";
import { podTemplateWarnings } from "../admission/pod-security";
import { checkBodyKind, createObject } from "../objects/create-object";
import { deleteObject, type DeleteOptions, type PropagationPolicy } from "../objects/delete-object";
import { updateObject } from "../objects/update-object";
import { APPLY_PATCH, applyPatch } from "../patch";
import { PROTOBUF } from "../protobuf/decode";
import { Writer } from "../store/writer";
import { apiVersionOf, type JsonObject, type K8sObject } from "../types";
import { successStatus } from "../http/responses";
import { isDryRun, parseJsonText, present, readJsonBody, type ResourceRequest } from "./context";
import { matchesSelection, selectionFrom } from "./list";

// POST, PUT, PATCH and DELETE on a resource or its status subresource.

export interface WriteResult {
  status: number;
  body: unknown;
  /** Sent as `Warning` headers, as kube-apiserver does. */
  warnings?: string[];
}

const warningsFor = async (req: ResourceRequest, object: K8sObject) =>
  req.subresource ? [] : podTemplateWarnings(getDb(), object);

/** fieldValidation on custom objects: fields their schema does not know fail the request
 *  (Strict, what kubectl sends), come back as warnings (Warn, the default) or are dropped (Ignore). */
function unknownFields(req: ResourceRequest, object: K8sObject): string[] {
  if (!req.type.custom || !req.type.schema || req.subresource) return [];
  const mode = req.query.get("fieldValidation") ?? "Warn";
  if (mode === "Ignore") return [];
  const found = pruneAndDefault(req.type, structuredClone(object)).map((path) => `unknown field "${path}"`);
  if (found.length && mode === "Strict") {
    const kind = req.type.kind;
    throw badRequest(
      `${kind} in version "${req.version}" cannot be handled as a ${kind}: strict decoding error: ${found.join(", ")}`,
    );
  }
  return found;
}

export async function createVerb(req: ResourceRequest): Promise<WriteResult> {
  const body = checkBodyKind(req.type, await readJsonBody(req.request), req.version);
  const unknown = unknownFields(req, body);
  const created = await Writer.run((w) => createObject(w, req.type, body, req.namespace), {
    dryRun: isDryRun(req.query),
  });
  return { status: 201, body: present(req, created), warnings: [...unknown, ...(await warningsFor(req, created))] };
}

async function currentOrNotFound(w: Writer, req: ResourceRequest): Promise<K8sObject> {
  const current = await w.get(req.type, req.namespace, req.name!);
  if (!current) throw notFound(req.type, req.name!);
  return current;
}

export async function updateVerb(req: ResourceRequest): Promise<WriteResult> {
  const body = checkBodyKind(req.type, await readJsonBody(req.request), req.version);
  const unknown = unknownFields(req, body);
  const updated = await Writer.run(
    async (w) =>
      updateObject(w, req.type, body, await currentOrNotFound(w, req), { status: req.subresource === "status" }),
    { dryRun: isDryRun(req.query) },
  );
  return { status: 200, body: present(req, updated), warnings: [...unknown, ...(await warningsFor(req, updated))] };
}

export async function patchVerb(req: ResourceRequest): Promise<WriteResult> {
  const contentType = req.request.headers.get("content-type") ?? "";
  const text = await req.request.text();
  let created = false;
  let unknown: string[] = [];
  const result = await Writer.run(
    async (w) => {
      const current = await w.get(req.type, req.namespace, req.name!);
      if (!current && contentType.startsWith(APPLY_PATCH) && req.subresource !== "status") {
        // Server-side apply creates what does not exist yet.
        const body = checkBodyKind(req.type, parseJsonText(text), req.version);
        body.metadata.name ??= req.name;
        unknown = unknownFields(req, body);
        created = true;
        return createObject(w, req.type, body, req.namespace);
      }
      if (!current) throw notFound(req.type, req.name!);
      const patched = checkBodyKind(
        req.type,
        applyPatch(req.type, present(req, current), contentType, text),
        req.version,
      );
      unknown = unknownFields(req, patched);
      return updateObject(w, req.type, patched, current, { status: req.subresource === "status" });
    },
    { dryRun: isDryRun(req.query) },
  );
  return {
    status: created ? 201 : 200,
    body: present(req, result),
    warnings: [...unknown, ...(await warningsFor(req, result))],
  };
}

// Kinds whose registry returns the deleted object rather than a Status (ReturnDeletedObject).
const RETURNS_OBJECT = new Set(["Pod", "Service", "Namespace", "CustomResourceDefinition"]);

/** DeleteOptions from the query and a JSON body; protobuf bodies (typed kubectl clients) fall back to the defaults. */
async function deleteOptions(req: ResourceRequest): Promise<DeleteOptions> {
  const json = !(req.request.headers.get("content-type") ?? "").startsWith(PROTOBUF);
  const text = await req.request.text();
  const body = (json && text.trim() ? parseJsonText(text) : {}) as JsonObject;
  const policy = (req.query.get("propagationPolicy") ?? body.propagationPolicy) as PropagationPolicy | undefined;
  const orphan = body.orphanDependents === true || req.query.get("orphanDependents") === "true";
  return {
    propagationPolicy: policy ?? (orphan ? "Orphan" : undefined),
    preconditions: body.preconditions as DeleteOptions["preconditions"],
  };
}

export async function deleteVerb(req: ResourceRequest): Promise<WriteResult> {
  const options = await deleteOptions(req);
  const { object, deleted } = await Writer.run(
    async (w) => deleteObject(w, req.type, await currentOrNotFound(w, req), options),
    {
      dryRun: isDryRun(req.query),
    },
  );
  if (!deleted || req.type.custom || RETURNS_OBJECT.has(req.type.kind))
    return { status: 200, body: present(req, object) };
  return {
    status: 200,
    body: successStatus({
      name: object.metadata.name,
      ...(req.type.group ? { group: req.type.group } : {}),
      kind: req.type.resource,
      uid: object.metadata.uid,
    }),
  };
}

export async function deleteCollectionVerb(req: ResourceRequest): Promise<WriteResult> {
  const options = await deleteOptions(req);
  const selection = selectionFrom(req.query);
  const items = await Writer.run(
    async (w) => {
      const removed: K8sObject[] = [];
      for (const object of await w.list(req.type, { namespace: req.namespace || undefined })) {
        if (!matchesSelection(selection, object)) continue;
        const fresh = await w.get(req.type, object.metadata.namespace ?? "", object.metadata.name!);
        if (fresh) removed.push((await deleteObject(w, req.type, fresh, options)).object);
      }
      return removed;
    },
    { dryRun: isDryRun(req.query) },
  );
  return {
    status: 200,
    body: {
      kind: req.type.listKind,
      apiVersion: apiVersionOf(req.type.group, req.version),
      metadata: {},
      items: items.map((o) => present(req, o)),
    },
  };
}
