// Safe to import from client components: how usage reads in the console.

/** 0.25 cores as "250m", 1.5 cores as "1.5". */
export function formatCores(milli: number | null): string {
  if (milli === null) return "—";
  if (milli < 1000) return `${Math.round(milli)}m`;
  return `${Number((milli / 1000).toFixed(2))}`;
}

/** Bytes in the largest binary unit that keeps a whole part. */
export function formatMemory(bytes: number | null): string {
  if (bytes === null) return "—";
  const units = ["B", "Ki", "Mi", "Gi", "Ti"];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${Number(value.toFixed(value >= 100 ? 0 : 1))}${units[i]}`;
}
