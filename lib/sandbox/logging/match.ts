import type { JsonObject } from "../types";
import { isObject } from "../util";

// A Flow's `match`: items in order, the first select or exclude that fits decides; a Flow
// without `match` takes everything in its scope. Keys within one item are AND-ed.

export interface Candidate {
  namespace: string;
  pod: string;
  container: string;
  host: string;
  labels: Record<string, string>;
  namespaceLabels: Record<string, string>;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

function subset(wanted: unknown, have: Record<string, string>): boolean {
  if (!isObject(wanted)) return true;
  return Object.entries(wanted).every(([k, v]) => have[k] === String(v));
}

function regexMatches(patterns: string[], value: string): boolean {
  return patterns.some((p) => {
    try {
      return new RegExp(`^(?:${p})$`).test(value);
    } catch {
      return false;
    }
  });
}

/** Whether one select/exclude body fits the container (ClusterFlow keys included). */
export function fits(selector: JsonObject, c: Candidate): boolean {
  if (!subset(selector.labels, c.labels)) return false;
  if (!subset(selector.namespace_labels, c.namespaceLabels)) return false;
  const hosts = strings(selector.hosts);
  if (hosts.length && !hosts.includes(c.host)) return false;
  const containers = strings(selector.container_names);
  if (containers.length && !containers.includes(c.container)) return false;
  const namespaces = strings(selector.namespaces);
  const regexes = strings(selector.namespaces_regex);
  if (namespaces.length || regexes.length) {
    if (!namespaces.includes(c.namespace) && !regexMatches(regexes, c.namespace)) return false;
  }
  return true;
}

/** Whether a Flow with this `match` collects the container's lines. */
export function selects(match: unknown, c: Candidate): boolean {
  if (!Array.isArray(match) || match.length === 0) return true;
  for (const item of match) {
    if (!isObject(item)) continue;
    if (isObject(item.select) && fits(item.select, c)) return true;
    if (isObject(item.exclude) && fits(item.exclude, c)) return false;
  }
  return false;
}
