import { badRequest, unsupportedMediaType } from "../k8s-error";
import type { JsonObject } from "../types";
import { timestamp } from "../util";
import { DECODABLE_KINDS, MESSAGES, type FieldSpec } from "./schemas";
import { WireReader, type WireField } from "./wire";

// Decodes the protobuf bodies kubectl's typed clients send (`k8s\0` + runtime.Unknown) into the
// JSON form. Zero values of non-pointer fields are dropped, as the JSON encoding omits them.

export const PROTOBUF = "application/vnd.kubernetes.protobuf";
const MAGIC = [0x6b, 0x38, 0x73, 0x00];
const text = new TextDecoder();

function isZero(value: unknown): boolean {
  return value === "" || value === 0 || value === false;
}

function scalar(type: string, field: WireField): unknown {
  switch (type) {
    case "string":
      return text.decode(field.bytes ?? new Uint8Array());
    case "bytes":
      return Buffer.from(field.bytes ?? []).toString("base64");
    case "int":
      return Number(BigInt.asIntN(64, field.varint ?? 0n));
    case "bool":
      return (field.varint ?? 0n) !== 0n;
    default:
      return undefined;
  }
}

function mapEntry(valueType: string, bytes: Uint8Array): [string, unknown] {
  const reader = new WireReader(bytes);
  let key = "";
  let value: unknown = valueType === "bytes" ? "" : "";
  while (!reader.done) {
    const field = reader.next();
    if (field.number === 1) key = text.decode(field.bytes ?? new Uint8Array());
    if (field.number === 2)
      value = valueType === "Quantity" ? decodeMessage("Quantity", field.bytes!).string : scalar(valueType, field);
  }
  return [key, value];
}

function special(name: string, message: JsonObject): unknown {
  if (name === "Time") return message.seconds ? timestamp(new Date(Number(message.seconds) * 1000)) : null;
  if (name === "IntOrString") return message.type === 1 ? (message.strVal ?? "") : (message.intVal ?? 0);
  return message;
}

export function decodeMessage(name: string, bytes: Uint8Array): JsonObject {
  const spec = MESSAGES[name];
  if (!spec) throw unsupportedMediaType(PROTOBUF, ["application/json"]);
  const out: JsonObject = {};
  const reader = new WireReader(bytes);
  while (!reader.done) {
    const field = reader.next();
    const def: FieldSpec | undefined = spec[field.number];
    if (!def) continue;
    const map = /^map<(.+)>$/.exec(def.type);
    if (map) {
      const [k, v] = mapEntry(map[1], field.bytes!);
      out[def.name] = { ...((out[def.name] as JsonObject | undefined) ?? {}), [k]: v };
      continue;
    }
    const value = MESSAGES[def.type]
      ? special(def.type, decodeMessage(def.type, field.bytes!))
      : scalar(def.type, field);
    if (def.name === "") {
      Object.assign(out, value as JsonObject);
    } else if (def.repeated) {
      out[def.name] = [...((out[def.name] as unknown[] | undefined) ?? []), value];
    } else if (value !== null && (def.keep || !isZero(value))) {
      out[def.name] = value;
    }
  }
  return out;
}

/** A `k8s\0`-framed runtime.Unknown holding one of the kinds in DECODABLE_KINDS, as JSON. */
export function decodeKubernetesProtobuf(body: Uint8Array): JsonObject {
  if (body.length < 4 || MAGIC.some((b, i) => body[i] !== b))
    throw badRequest("the protobuf body does not start with the Kubernetes envelope");
  let unknown: JsonObject;
  try {
    unknown = decodeMessage("Unknown", body.subarray(4));
  } catch (error) {
    throw badRequest(`the protobuf body could not be decoded: ${(error as Error).message}`);
  }
  const typeMeta = (unknown.typeMeta ?? {}) as { apiVersion?: string; kind?: string };
  const key = `${typeMeta.apiVersion}/${typeMeta.kind}`;
  if (!DECODABLE_KINDS.has(key)) throw unsupportedMediaType(PROTOBUF, ["application/json"]);
  const raw = Buffer.from(String(unknown.raw ?? ""), "base64");
  const object = decodeMessage(typeMeta.kind!, raw);
  return { apiVersion: typeMeta.apiVersion, kind: typeMeta.kind, ...object };
}
