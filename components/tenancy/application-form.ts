// Safe for the client: turns the application form's text fields into the API body.
/** "http:80, metrics:9090" → [{ name: "http", port: 80 }, …]; unparseable parts are kept for zod to refuse. */
export function parsePorts(text: string): unknown[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part) => {
      const [name, port] = part.split(":").map((x) => x.trim());
      return { name, port: Number(port) };
    });
}

/** KEY=VALUE lines → [{ name, value }]. */
export function parseEnv(text: string): unknown[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const i = line.indexOf("=");
      return i < 0 ? { name: line, value: "" } : { name: line.slice(0, i).trim(), value: line.slice(i + 1) };
    });
}

export const formatPorts = (ports: { name: string; port: number }[]) =>
  ports.map((p) => `${p.name}:${p.port}`).join(", ");
export const formatEnv = (env: { name: string; value: string }[]) => env.map((e) => `${e.name}=${e.value}`).join("\n");
