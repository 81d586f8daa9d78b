// Message templates take {{ $labels.name }} and {{ $value }} only: text substitution, never
// evaluation, so a template cannot run anything. Anything else between braces stays as written.

const PLACEHOLDER = /\{\{\s*\$(?:labels\.([A-Za-z_][A-Za-z0-9_]*)|(value))\s*\}\}/g;

export function formatValue(value: number | null): string {
  if (value === null || Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "+Inf" : "-Inf";
  return String(Math.round(value * 1e4) / 1e4);
}

export function renderMessage(template: string, labels: Record<string, string>, value: number | null): string {
  return template.replace(PLACEHOLDER, (_m, label: string | undefined) =>
    label !== undefined ? (Object.hasOwn(labels, label) ? labels[label] : "") : formatValue(value),
  );
}
