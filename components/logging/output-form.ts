// Safe to import from client components (pure): the fields of each output type and the
// OutputForm body of the contract. Secret fields go only into `secrets` (a Kubernetes Secret).
import type { MessageKey } from "@/lib/i18n/translate";
import type { OutputForm, OutputType } from "./api";
import { DNS_NAME } from "./flow-form";

export interface OutputField {
  key: string;
  label: MessageKey;
  secret?: boolean;
  required?: boolean;
  kind?: "url" | "number" | "scheme";
  hint?: MessageKey;
}

export const OUTPUT_FIELDS: Record<OutputType, OutputField[]> = {
  loki: [
    { key: "url", label: "logging.output.url", required: true, kind: "url", hint: "logging.output.lokiUrlHint" },
    { key: "username", label: "logging.output.username", secret: true },
    { key: "password", label: "logging.output.password", secret: true },
  ],
  elasticsearch: [
    { key: "host", label: "logging.output.host", required: true },
    { key: "port", label: "logging.output.port", required: true, kind: "number" },
    { key: "scheme", label: "logging.output.scheme", required: true, kind: "scheme" },
    { key: "index", label: "logging.output.index" },
    { key: "username", label: "logging.output.username", secret: true },
    { key: "password", label: "logging.output.password", secret: true },
  ],
  kafka: [
    { key: "brokers", label: "logging.output.brokers", required: true, hint: "logging.output.brokersHint" },
    { key: "topic", label: "logging.output.topic", required: true },
    { key: "username", label: "logging.output.username", secret: true },
    { key: "password", label: "logging.output.password", secret: true },
  ],
  http: [
    { key: "endpoint", label: "logging.output.endpoint", required: true, kind: "url" },
    { key: "username", label: "logging.output.username", secret: true },
    { key: "password", label: "logging.output.password", secret: true },
  ],
  facet: [],
};

export type BuiltOutputForm = { ok: true; form: OutputForm } | { ok: false; errors: Record<string, MessageKey> };

function isUrl(v: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}

/** values: every field of the type by key (as typed); empty secrets are left out. */
export function buildOutputForm(name: string, type: OutputType, values: Record<string, string>): BuiltOutputForm {
  const errors: Record<string, MessageKey> = {};
  const trimmed = name.trim();
  if (!DNS_NAME.test(trimmed) || trimmed.length > 253) errors.name = "logging.error.name";
  const settings: OutputForm["settings"] = {};
  const secrets: Record<string, string> = {};
  for (const field of OUTPUT_FIELDS[type]) {
    const raw = values[field.key] ?? "";
    const v = field.secret ? raw : raw.trim();
    if (!v) {
      if (field.required) errors[field.key] = "logging.error.required";
      continue;
    }
    if (field.secret) secrets[field.key] = v;
    else if (field.kind === "number") {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 65535) errors[field.key] = "logging.error.port";
      else settings[field.key] = n;
    } else if (field.kind === "url" && !isUrl(v)) errors[field.key] = "logging.error.url";
    else settings[field.key] = v;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    form: { name: trimmed, type, settings, ...(Object.keys(secrets).length ? { secrets } : {}) },
  };
}
