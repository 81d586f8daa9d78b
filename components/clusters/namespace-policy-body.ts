// Safe for the client: turns the namespace-policy form into the API's body.
import type { NamespacePolicyDto } from "@/lib/clusters/namespace-policy/schemas";

const lines = (v: FormDataEntryValue | null) =>
  String(v ?? "")
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

type Override = { enforce?: string; warn?: string; audit?: string };
const MODES = ["enforce", "warn", "audit"] as const;
export const TYPES = ["dev", "test", "prod"] as const;

/** Only the modes the form sets ("inherit" leaves them out). */
function overrideFrom(f: FormData, prefix: string): Override {
  const o: Override = {};
  for (const m of MODES) {
    const v = String(f.get(`${prefix}.${m}`) ?? "");
    if (v && v !== "inherit") o[m] = v;
  }
  return o;
}

/** One tenant per line: `tenant enforce [warn] [audit]`. */
export function tenantLines(tenants: NamespacePolicyDto["podSecurity"]["tenants"]): string {
  return Object.entries(tenants)
    .map(([name, o]) => [name, o.enforce ?? "-", o.warn ?? "-", o.audit ?? "-"].join(" ").replace(/( -)+$/, ""))
    .join("\n");
}

export function namespacePolicyBody(f: FormData) {
  const types: Record<string, Override> = {};
  for (const type of TYPES) {
    const o = overrideFrom(f, `types.${type}`);
    if (Object.keys(o).length) types[type] = o;
  }
  const tenants: Record<string, Override> = {};
  for (const line of String(f.get("tenants") ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [name, ...levels] = line.split(/\s+/);
    const o: Override = {};
    MODES.forEach((m, i) => {
      if (levels[i] && levels[i] !== "-") o[m] = levels[i];
    });
    tenants[name] = o;
  }
  return {
    adoptable: lines(f.get("adoptable")),
    reserved: lines(f.get("reserved")),
    podSecurity: { default: overrideFrom(f, "default"), types, tenants },
  };
}
