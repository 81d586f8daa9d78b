// One demo service, `api` or `agent` (DEMO_ROLE), instrumented by hand with the OpenTelemetry
// API: a server span per request (parent taken from traceparent, baggage from `baggage`), a
// client span and injected headers for the call to the agent, logs inside the spans, and
// request metrics. The agent fails now and then and is sometimes slow.
import { createServer, type IncomingMessage } from "node:http";
import { context, metrics, propagation, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { logs, SeverityNumber } from "@opentelemetry/api-logs";
import { startTelemetry } from "./telemetry";

const role = process.env.DEMO_ROLE === "agent" ? "agent" : "api";
const port = Number(process.env.DEMO_PORT ?? 0);
const agentUrl = process.env.DEMO_AGENT_URL ?? "";
// How often the agent fails (0..1): alerting demos and tests turn it up, then back down.
const errorRate = Math.min(1, Math.max(0, Number(process.env.DEMO_ERROR_RATE ?? 0.06)));
const sdk = startTelemetry();
const tracer = trace.getTracer(`demo-${role}`);
const logger = logs.getLogger(`demo-${role}`);
const meter = metrics.getMeter(`demo-${role}`);
const requests = meter.createCounter("demo_requests_total", { description: "Requests handled" });
const latency = meter.createHistogram("demo_request_duration_ms", { unit: "ms", description: "Request duration" });

const headersOf = (req: IncomingMessage) =>
  Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : (v ?? "")]));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function handle(): Promise<{ status: number; body: string }> {
  const user = propagation.getBaggage(context.active())?.getEntry("user.id")?.value ?? "anonymous";
  if (role === "agent") {
    const slow = Math.random() < 0.1;
    await sleep(slow ? 400 + Math.random() * 800 : 5 + Math.random() * 40);
    if (Math.random() < errorRate) {
      logger.emit({
        severityNumber: SeverityNumber.ERROR,
        severityText: "ERROR",
        body: `model backend refused the prompt of ${user}`,
      });
      return { status: 500, body: "model error" };
    }
    logger.emit({
      severityNumber: SeverityNumber.INFO,
      severityText: "INFO",
      body: `answered ${user}${slow ? " (slow)" : ""}`,
    });
    return { status: 200, body: "42" };
  }
  logger.emit({ severityNumber: SeverityNumber.INFO, severityText: "INFO", body: `chat request from ${user}` });
  const headers: Record<string, string> = {};
  const answer = await tracer.startActiveSpan(
    "POST /answer",
    { kind: SpanKind.CLIENT, attributes: { "http.request.method": "POST", "server.address": new URL(agentUrl).host } },
    async (span) => {
      propagation.inject(context.active(), headers);
      try {
        const res = await fetch(`${agentUrl}/answer`, { method: "POST", headers });
        span.setAttribute("http.response.status_code", res.status);
        if (res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: `agent answered ${res.status}` });
        return { status: res.status, text: await res.text() };
      } finally {
        span.end();
      }
    },
  );
  if (answer.status >= 500)
    logger.emit({ severityNumber: SeverityNumber.WARN, severityText: "WARN", body: `agent failed for ${user}` });
  return { status: answer.status === 200 ? 200 : 502, body: answer.text };
}

const server = createServer((req, res) => {
  const parent = propagation.extract(context.active(), headersOf(req));
  const route = role === "api" ? "/chat" : "/answer";
  const started = performance.now();
  context.with(parent, () =>
    tracer.startActiveSpan(
      `${req.method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { "http.request.method": req.method ?? "GET", "http.route": route } },
      async (span) => {
        const { status, body } = await handle().catch(() => ({ status: 500, body: "error" }));
        span.setAttribute("http.response.status_code", status);
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
        requests.add(1, { "http.route": route, "http.response.status_code": status });
        latency.record(performance.now() - started, { "http.route": route });
        res.writeHead(status, { "content-type": "text/plain" }).end(body);
      },
    ),
  );
});

server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  // The parent process reads the port from this line.
  console.log(`listening ${typeof address === "object" && address ? address.port : port}`);
});

const stop = async () => {
  server.close();
  await sdk.shutdown();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
