/** MariaDB's JSON is LONGTEXT: drizzle writes it as JSON text and hands back the text. */
export function fromJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}
