import { qualifiedKind, qualifiedResource, type JsonObject, type ResourceType } from "./types";

// Kubernetes answers errors with a v1 Status; these build the ones the sandbox needs with
// apimachinery's wording (k8s.io/apimachinery/pkg/api/errors), which clients match on.

export type StatusReason =
  | "BadRequest"
  | "Unauthorized"
  | "Forbidden"
  | "NotFound"
  | "AlreadyExists"
  | "Conflict"
  | "Gone"
  | "Expired"
  | "Invalid"
  | "MethodNotAllowed"
  | "UnsupportedMediaType"
  | "NotAcceptable"
  | "RequestEntityTooLarge"
  | "InternalError";

export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

export class K8sError extends Error {
  constructor(
    readonly code: number,
    readonly reason: StatusReason,
    message: string,
    readonly details?: JsonObject,
  ) {
    super(message);
    this.name = "K8sError";
  }

  toStatus(): JsonObject {
    return failureStatus(this.code, this.reason, this.message, this.details);
  }
}

export function failureStatus(code: number, reason: string, message: string, details?: JsonObject): JsonObject {
  const status: JsonObject = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason };
  if (details && Object.keys(details).length > 0) status.details = details;
  status.code = code;
  return status;
}

type Target = Pick<ResourceType, "group" | "resource">;

function detailsFor(type: Target, name: string): JsonObject {
  return { name, ...(type.group ? { group: type.group } : {}), kind: type.resource };
}

export const notFound = (type: Target, name: string) =>
  new K8sError(404, "NotFound", `${qualifiedResource(type)} "${name}" not found`, detailsFor(type, name));

export const alreadyExists = (type: Target, name: string) =>
  new K8sError(409, "AlreadyExists", `${qualifiedResource(type)} "${name}" already exists`, detailsFor(type, name));

export const conflict = (
  type: Target,
  name: string,
  reason = "the object has been modified; please apply your changes to the latest version and try again",
) =>
  new K8sError(
    409,
    "Conflict",
    `Operation cannot be fulfilled on ${qualifiedResource(type)} "${name}": ${reason}`,
    detailsFor(type, name),
  );

export function forbidden(type: Target, name: string, why: string): K8sError {
  const what = name ? `${qualifiedResource(type)} "${name}"` : qualifiedResource(type);
  return new K8sError(403, "Forbidden", `${what} is forbidden: ${why}`, detailsFor(type, name));
}

export function invalid(type: Pick<ResourceType, "group" | "kind">, name: string, causes: StatusCause[]): K8sError {
  const summary = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
  const joined = summary.length === 1 ? summary[0] : `[${summary.join(", ")}]`;
  return new K8sError(422, "Invalid", `${qualifiedKind(type)} "${name}" is invalid: ${joined}`, {
    name,
    ...(type.group ? { group: type.group } : {}),
    kind: type.kind,
    causes,
  });
}

export const badRequest = (message: string) => new K8sError(400, "BadRequest", message);
export const unauthorized = () => new K8sError(401, "Unauthorized", "Unauthorized");
export const expired = (message: string) => new K8sError(410, "Expired", message);
export const methodNotAllowed = () =>
  new K8sError(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
export const resourceNotFound = () => new K8sError(404, "NotFound", "the server could not find the requested resource");
export const unsupportedMediaType = (contentType: string, accepted: string[]) =>
  new K8sError(
    415,
    "UnsupportedMediaType",
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(", ")}`,
    {
      causes: [{ reason: "UnexpectedServerResponse", message: contentType }],
    },
  );
export const internalError = (message: string) =>
  new K8sError(500, "InternalError", `Internal error occurred: ${message}`, { causes: [{ message }] });

/** Field error constructors in field.ErrorList wording. */
export const fieldRequired = (field: string, detail = ""): StatusCause => ({
  reason: "FieldValueRequired",
  message: detail ? `Required value: ${detail}` : "Required value",
  field,
});

export const fieldInvalid = (field: string, value: unknown, detail: string): StatusCause => ({
  reason: "FieldValueInvalid",
  message: `Invalid value: ${JSON.stringify(value)}: ${detail}`,
  field,
});

export const fieldForbidden = (field: string, detail: string): StatusCause => ({
  reason: "FieldValueForbidden",
  message: `Forbidden: ${detail}`,
  field,
});

export const fieldDuplicate = (field: string, value: unknown): StatusCause => ({
  reason: "FieldValueDuplicate",
  message: `Duplicate value: ${JSON.stringify(value)}`,
  field,
});
