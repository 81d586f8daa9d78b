import { fieldDuplicate, fieldForbidden, fieldInvalid, fieldRequired, invalid, type StatusCause } from "./k8s-error";
import { fromStructured, matchesLabels } from "./selectors/labels";
import { schemaCauses } from "./structural-schema";
import type { JsonObject, K8sObject, ResourceType } from "./types";
import { deepEqual } from "./util";

// The validation rules clients meet most often, with apimachinery's messages. Anything not
// listed here is accepted as sent.

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MESSAGE =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

function validateName(type: ResourceType, name: string, causes: StatusCause[]) {
  if (type.kind === "Namespace") {
    if (!DNS1123_LABEL.test(name) || name.length > 63) causes.push(fieldInvalid("metadata.name", name, LABEL_MESSAGE));
  } else if (type.kind === "Service") {
    if (!DNS1035_LABEL.test(name) || name.length > 63)
      causes.push(fieldInvalid("metadata.name", name, DNS1035_MESSAGE));
  } else if (!DNS1123_SUBDOMAIN.test(name) || name.length > 253) {
    causes.push(fieldInvalid("metadata.name", name, SUBDOMAIN_MESSAGE));
  }
}

function validateMetadata(object: K8sObject, causes: StatusCause[]) {
  for (const [key, value] of Object.entries(object.metadata.labels ?? {})) {
    if (!QUALIFIED_NAME.test(key))
      causes.push(
        fieldInvalid(
          "metadata.labels",
          key,
          "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        ),
      );
    if (typeof value !== "string" || value.length > 63 || !LABEL_VALUE.test(value)) {
      causes.push(
        fieldInvalid(
          "metadata.labels",
          value,
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        ),
      );
    }
  }
  for (const key of Object.keys(object.metadata.annotations ?? {})) {
    if (!QUALIFIED_NAME.test(key))
      causes.push(
        fieldInvalid(
          "metadata.annotations",
          key,
          "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        ),
      );
  }
}

function validatePodSpec(spec: JsonObject | undefined, path: string, causes: StatusCause[]) {
  const containers = spec?.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    causes.push(fieldRequired(`${path}.containers`));
    return;
  }
  const seen = new Set<string>();
  containers.forEach((c: JsonObject, i: number) => {
    const at = `${path}.containers[${i}]`;
    if (!c?.name) causes.push(fieldRequired(`${at}.name`));
    else if (!DNS1123_LABEL.test(String(c.name))) causes.push(fieldInvalid(`${at}.name`, c.name, LABEL_MESSAGE));
    else if (seen.has(String(c.name))) causes.push(fieldDuplicate(`${at}.name`, c.name));
    seen.add(String(c?.name));
    if (!c?.image) causes.push(fieldRequired(`${at}.image`));
  });
}

function goMap(labels: Record<string, string>): string {
  const entries = Object.keys(labels)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(labels[k])}`);
  return `map[string]string{${entries.join(", ")}}`;
}

function validateWorkload(object: K8sObject, causes: StatusCause[]) {
  const spec = object.spec ?? {};
  const selector = spec.selector as JsonObject | undefined;
  const requirements = fromStructured(selector);
  if (!selector || requirements.length === 0) causes.push(fieldRequired("spec.selector"));
  const template = (spec.template ?? {}) as JsonObject;
  const labels = ((template.metadata as JsonObject | undefined)?.labels ?? {}) as Record<string, string>;
  if (requirements.length > 0 && !matchesLabels(requirements, labels)) {
    causes.push({
      reason: "FieldValueInvalid",
      message: `Invalid value: ${goMap(labels)}: \`selector\` does not match template \`labels\``,
      field: "spec.template.metadata.labels",
    });
  }
  if (typeof spec.replicas === "number" && spec.replicas < 0)
    causes.push(fieldInvalid("spec.replicas", spec.replicas, "must be greater than or equal to 0"));
  validatePodSpec(template.spec as JsonObject | undefined, "spec.template.spec", causes);
}

function validateService(object: K8sObject, causes: StatusCause[]) {
  const spec = object.spec ?? {};
  const headless = spec.clusterIP === "None";
  const ports = spec.ports as JsonObject[] | undefined;
  if (spec.type !== "ExternalName" && !headless && (!ports || ports.length === 0))
    causes.push(fieldRequired("spec.ports"));
  (ports ?? []).forEach((p, i) => {
    const port = Number(p.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      causes.push(fieldInvalid(`spec.ports[${i}].port`, p.port, "must be between 1 and 65535, inclusive"));
  });
}

function validateCrd(object: K8sObject, causes: StatusCause[]) {
  const spec = object.spec ?? {};
  const names = (spec.names ?? {}) as JsonObject;
  if (!spec.group) causes.push(fieldRequired("spec.group"));
  if (!names.plural) causes.push(fieldRequired("spec.names.plural"));
  if (!names.kind) causes.push(fieldRequired("spec.names.kind"));
  if (spec.scope !== "Namespaced" && spec.scope !== "Cluster")
    causes.push(fieldInvalid("spec.scope", spec.scope ?? "", 'must be either "Namespaced" or "Cluster"'));
  if (object.metadata.name !== `${names.plural}.${spec.group}`) {
    causes.push(fieldInvalid("metadata.name", object.metadata.name, 'must be spec.names.plural+"."+spec.group'));
  }
  const versions = (spec.versions as JsonObject[] | undefined) ?? [];
  if (versions.length === 0)
    causes.push(fieldInvalid("spec.versions", versions, "must have exactly one version marked as storage version"));
  else if (versions.filter((v) => v.storage).length !== 1)
    causes.push(
      fieldInvalid(
        "spec.versions",
        versions.map((v) => v.name),
        "must have exactly one version marked as storage version",
      ),
    );
}

function validateUpdate(type: ResourceType, object: K8sObject, previous: K8sObject, causes: StatusCause[]) {
  const immutable = (path: string, a: unknown, b: unknown) => {
    if (!deepEqual(a, b)) causes.push(fieldInvalid(path, a ?? null, "field is immutable"));
  };
  if (["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"].includes(type.kind) && !type.custom) {
    immutable("spec.selector", object.spec?.selector, previous.spec?.selector);
  }
  if (type.kind === "Pod" && !type.custom) {
    const strip = (spec: JsonObject | undefined) => {
      const copy = structuredClone(spec ?? {});
      for (const c of [...((copy.containers as JsonObject[]) ?? []), ...((copy.initContainers as JsonObject[]) ?? [])])
        delete c.image;
      delete copy.activeDeadlineSeconds;
      delete copy.tolerations;
      return copy;
    };
    if (!deepEqual(strip(object.spec), strip(previous.spec))) {
      causes.push(
        fieldForbidden(
          "spec",
          "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
        ),
      );
    }
  }
  if (type.kind === "CustomResourceDefinition") {
    immutable("spec.group", object.spec?.group, previous.spec?.group);
    immutable(
      "spec.names.plural",
      (object.spec?.names as JsonObject | undefined)?.plural,
      (previous.spec?.names as JsonObject | undefined)?.plural,
    );
  }
}

/** Throws 422 Invalid with every problem found. */
export function validateObject(type: ResourceType, object: K8sObject, previous?: K8sObject): void {
  const causes: StatusCause[] = [];
  validateName(type, object.metadata.name ?? "", causes);
  validateMetadata(object, causes);
  if (!type.custom) {
    if (type.kind === "Pod") validatePodSpec(object.spec, "spec", causes);
    if (["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"].includes(type.kind)) validateWorkload(object, causes);
    if (type.kind === "Service") validateService(object, causes);
    if (type.kind === "CustomResourceDefinition") validateCrd(object, causes);
  } else {
    causes.push(...schemaCauses(type, object));
  }
  if (previous) validateUpdate(type, object, previous, causes);
  if (causes.length > 0) throw invalid(type, object.metadata.name ?? "", causes);
}
