// npm run demo:traffic -- --url http://127.0.0.1:3000 --token fit_… --seconds 60 [--rps 5] [--error-rate 0.06]
// (or FACET_URL, FACET_INGEST_TOKEN, DEMO_SECONDS, DEMO_RPS, DEMO_ERROR_RATE). Starts the `agent` and the `api`
// services, each with its own OpenTelemetry SDK exporting to <url>/api/otlp, then sends chat
// requests to the api as a handful of users (W3C baggage user.id, user.name) until time is up.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    token: { type: "string" },
    seconds: { type: "string" },
    rps: { type: "string" },
    "error-rate": { type: "string" },
  },
});
const url = (values.url ?? process.env.FACET_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const token = values.token ?? process.env.FACET_INGEST_TOKEN;
const seconds = Number(values.seconds ?? process.env.DEMO_SECONDS ?? 60);
const rps = Number(values.rps ?? process.env.DEMO_RPS ?? 5);
const errorRate = values["error-rate"] ?? process.env.DEMO_ERROR_RATE ?? "0.06";
if (!token) {
  console.error(
    "Give an ingest token: --token fit_… or FACET_INGEST_TOKEN (create one in the Ingest tokens card of the environment's page in the console; `npm run up` keeps the demo environment's in .facet/demo-ingest-token).",
  );
  process.exit(2);
}

const USERS = [
  { id: "u-1001", name: "Ada" },
  { id: "u-1002", name: "Grace" },
  { id: "u-1003", name: "Linus" },
  { id: "u-1004", name: "Margaret" },
];

function start(role: "api" | "agent", extra: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const env = {
    ...process.env,
    ...extra,
    DEMO_ROLE: role,
    OTEL_SERVICE_NAME: role,
    OTEL_RESOURCE_ATTRIBUTES: `service.version=1.0.0,k8s.pod.name=${role}-demo-0,deployment.environment=demo`,
    OTEL_EXPORTER_OTLP_ENDPOINT: `${url}/api/otlp`,
    OTEL_EXPORTER_OTLP_HEADERS: `Authorization=Bearer%20${token}`,
  };
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./service.ts", import.meta.url))], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const m = /listening (\d+)/.exec(chunk.toString());
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on("exit", (code) => reject(new Error(`${role} exited with ${code}`)));
  });
}

const agent = await start("agent", { DEMO_ERROR_RATE: errorRate });
const api = await start("api", { DEMO_AGENT_URL: `http://127.0.0.1:${agent.port}` });
console.log(
  `api :${api.port} → agent :${agent.port}, exporting to ${url}/api/otlp for ${seconds} s at ~${rps} requests/s`,
);

const counts = { ok: 0, failed: 0 };
const deadline = Date.now() + seconds * 1000;
const inflight = new Set<Promise<void>>();
while (Date.now() < deadline) {
  const user = USERS[Math.floor(Math.random() * USERS.length)];
  const call = fetch(`http://127.0.0.1:${api.port}/chat`, {
    headers: { baggage: `user.id=${user.id},user.name=${encodeURIComponent(user.name)}` },
  })
    .then(async (res) => {
      await res.text();
      counts[res.ok ? "ok" : "failed"]++;
    })
    .catch(() => void counts.failed++);
  inflight.add(call);
  void call.finally(() => inflight.delete(call));
  await new Promise((r) => setTimeout(r, 1000 / rps));
}
await Promise.all(inflight);
console.log(`sent ${counts.ok + counts.failed} requests (${counts.failed} failed); flushing telemetry…`);
for (const s of [api, agent]) s.child.kill("SIGTERM");
await Promise.all([api, agent].map((s) => new Promise((r) => s.child.once("exit", r))));
console.log("done");
