// Safe to import from client components (pure): the application form's state and the
// FlowForm body of the contract built from it, with the checks worth making before a round trip.
import type { MessageKey } from "@/lib/i18n/translate";
import type { FlowForm, LabelKey } from "./api";

export type Candidate = { name: string; labelKey: LabelKey };

export interface FlowFormState {
  name: string;
  /** Chosen discovered applications → the label their pods carry. */
  selected: Record<string, LabelKey>;
  /** Applications typed in by hand. */
  extra: Candidate[];
  outputs: string[];
  /** Comma-separated ClusterOutput names. */
  clusterOutputs: string;
  parser: boolean;
  parserKey: string;
  grepInclude: string;
  grepExclude: string;
  counter: boolean;
  /** Comma-separated record keys. */
  geoip: string;
  throttle: string;
  detectExceptions: boolean;
}

/** An object name the API server accepts: a DNS subdomain. */
export const DNS_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const list = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

function regexError(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return false;
  } catch {
    return true;
  }
}

export type BuiltFlowForm = { ok: true; form: FlowForm } | { ok: false; errors: Record<string, MessageKey> };

export function buildFlowForm(state: FlowFormState, candidates: Candidate[]): BuiltFlowForm {
  const errors: Record<string, MessageKey> = {};
  const name = state.name.trim();
  if (!DNS_NAME.test(name) || name.length > 253) errors.name = "logging.error.name";
  if (name === "default") errors.name = "logging.error.reservedName";

  const applications: Candidate[] = [];
  const seen = new Set<string>();
  for (const c of candidates)
    if (state.selected[c.name] !== undefined && !seen.has(c.name)) {
      seen.add(c.name);
      applications.push({ name: c.name, labelKey: state.selected[c.name] });
    }
  for (const x of state.extra)
    if (!seen.has(x.name)) {
      seen.add(x.name);
      applications.push(x);
    }
  if (applications.length === 0) errors.applications = "logging.error.noApplication";

  const clusterOutputs = list(state.clusterOutputs);
  if (state.outputs.length === 0 && clusterOutputs.length === 0) errors.outputs = "logging.error.noOutput";

  const filters: FlowForm["filters"] = {};
  if (state.parser) {
    if (!state.parserKey.trim()) errors.parserKey = "logging.error.required";
    filters.parser = { keyName: state.parserKey.trim() };
  }
  const include = state.grepInclude.trim();
  const exclude = state.grepExclude.trim();
  if (include && regexError(include)) errors.grepInclude = "logging.error.regex";
  if (exclude && regexError(exclude)) errors.grepExclude = "logging.error.regex";
  if (include || exclude) filters.grep = { ...(include && { include }), ...(exclude && { exclude }) };
  if (state.counter) filters.counter = true;
  const geoip = list(state.geoip);
  if (geoip.length) filters.geoip = { keys: geoip };
  if (state.throttle.trim()) {
    const n = Number(state.throttle);
    if (!Number.isInteger(n) || n < 1) errors.throttle = "logging.error.throttle";
    else filters.throttle = { linesPerMinute: n };
  }
  if (state.detectExceptions) filters.detectExceptions = true;

  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, form: { name, applications, outputs: state.outputs, clusterOutputs, filters } };
}
