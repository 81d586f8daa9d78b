// OTLP/JSON payloads for the linkage tests: one trace (api → agent), its logs, and a gauge of
// the api pod, all stamped "now".
import { randomBytes } from "node:crypto";

const attr = (key: string, value: string | number) => ({
  key,
  value: typeof value === "number" ? { intValue: String(value) } : { stringValue: value },
});
const nanos = (ms: number) => `${BigInt(Math.round(ms)) * 1_000_000n}`;

export function sampleTelemetry(pod: string) {
  const traceId = randomBytes(16).toString("hex");
  const root = randomBytes(8).toString("hex");
  const child = randomBytes(8).toString("hex");
  const t0 = Date.now() - 5_000;
  const resource = (service: string) => ({
    attributes: [attr("service.name", service), attr("k8s.pod.name", service === "api" ? pod : `${pod}-agent`)],
  });
  const traces = {
    resourceSpans: [
      {
        resource: resource("api"),
        scopeSpans: [
          {
            scope: { name: "e2e" },
            spans: [
              {
                traceId,
                spanId: root,
                name: "GET /orders",
                kind: 2,
                startTimeUnixNano: nanos(t0),
                endTimeUnixNano: nanos(t0 + 120),
                attributes: [attr("http.route", "/orders"), attr("user.id", "u-42")],
                status: { code: 1 },
              },
            ],
          },
        ],
      },
      {
        resource: resource("agent"),
        scopeSpans: [
          {
            scope: { name: "e2e" },
            spans: [
              {
                traceId,
                spanId: child,
                parentSpanId: root,
                name: "plan",
                kind: 2,
                startTimeUnixNano: nanos(t0 + 10),
                endTimeUnixNano: nanos(t0 + 100),
                status: { code: 2, message: "planner timeout" },
              },
            ],
          },
        ],
      },
    ],
  };
  const logs = {
    resourceLogs: [
      {
        resource: resource("api"),
        scopeLogs: [
          {
            scope: { name: "e2e" },
            logRecords: [
              {
                timeUnixNano: nanos(t0 + 5),
                severityNumber: 9,
                severityText: "INFO",
                body: { stringValue: "order lookup started" },
                traceId,
                spanId: root,
              },
              {
                timeUnixNano: nanos(t0 + 110),
                severityNumber: 17,
                severityText: "ERROR",
                body: { stringValue: "agent answered late" },
                traceId,
                spanId: root,
              },
            ],
          },
        ],
      },
    ],
  };
  const metrics = {
    resourceMetrics: [
      {
        resource: resource("api"),
        scopeMetrics: [
          {
            scope: { name: "e2e" },
            metrics: [
              {
                name: "process.memory.usage",
                unit: "By",
                gauge: {
                  dataPoints: [0, 1, 2, 3].map((i) => ({
                    timeUnixNano: nanos(t0 - 60_000 * (3 - i)),
                    asInt: String(50_000_000 + i * 1_000_000),
                  })),
                },
              },
            ],
          },
        ],
      },
    ],
  };
  return { traceId, traces, logs, metrics };
}

/** One OTLP/JSON log record "now", under a resource with the attributes given. */
export function logLine(text: string, resource: Record<string, string>) {
  const attributes = Object.entries(resource).map(([key, value]) => attr(key, value));
  const record = {
    timeUnixNano: nanos(Date.now()),
    severityNumber: 9,
    severityText: "INFO",
    body: { stringValue: text },
  };
  return {
    resourceLogs: [{ resource: { attributes }, scopeLogs: [{ scope: { name: "e2e" }, logRecords: [record] }] }],
  };
}
