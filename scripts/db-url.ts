// Shared by the migrate and seed scripts (plain Node, outside Next).
export const DEFAULT_DATABASE_URL = "mysql://root@127.0.0.1:3306/facet";

export function databaseUrl(): URL {
  return new URL(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
}

export function databaseName(url: URL): string {
  const name = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!/^[A-Za-z0-9_]{1,64}$/.test(name)) throw new Error(`DATABASE_URL names no usable database: '${name}'`);
  return name;
}
