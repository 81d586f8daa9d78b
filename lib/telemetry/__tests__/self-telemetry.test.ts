import { PassThrough } from "node:stream";
import { context, trace } from "@opentelemetry/api";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger, setLogTap } from "@/lib/observability/logger";
import { eventually } from "@/lib/testing/sandbox-harness";
import { person, api, expectOk, sysadminToken } from "@/lib/testing/world";
import { uniqueName } from "@/lib/testing/factories";
import { selfTelemetryProcessor } from "../self/install";
import { flushSystemLogs } from "../self/system-store";
import type { ApmResult, LogSearchResult, TraceDetail, TraceSearchResult } from "../schemas";

// Facet's own spans (through the processor register.ts installs) and log lines (through the
// logger's tap) land in the facet-system namespace, readable by sysadmins only.

describe("Facet's own telemetry", () => {
  afterAll(() => setLogTap(null));

  it("stores Facet's spans and logs under facet-system for sysadmins", async () => {
    const processor = selfTelemetryProcessor();
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ "service.name": "facet" }),
      spanProcessors: [processor],
    });
    const logger = createLogger(new PassThrough(), "info");
    const marker = uniqueName("self");
    const span = provider.getTracer("facet").startSpan(`GET /api/v1/${marker}`);
    context.with(trace.setSpan(context.active(), span), () => logger.info({ marker }, `handled ${marker}`));
    // Without a context manager the mixin sees no span: log once more with explicit ids.
    logger.info({ trace_id: span.spanContext().traceId, span_id: span.spanContext().spanId }, `inside ${marker}`);
    span.end();
    await provider.forceFlush();
    await flushSystemLogs();

    const root = await sysadminToken();
    const traces = await eventually(
      async () => {
        const r = await expectOk<TraceSearchResult>(
          api("GET", `/api/v1/system/traces?operation=${encodeURIComponent(`GET /api/v1/${marker}`)}`, { token: root }),
        );
        return r.traces.length ? r : null;
      },
      10_000,
      "Facet's span",
    );
    expect(traces.traces[0]).toMatchObject({ rootService: "facet", traceId: span.spanContext().traceId });
    const detail = await expectOk<TraceDetail>(
      api("GET", `/api/v1/traces/${span.spanContext().traceId}`, { token: root }),
    );
    expect(detail.spans[0]).toMatchObject({ namespace: "facet-system", environment: null });

    const ops = await expectOk<ApmResult>(api("GET", `/api/v1/system/apm/services/facet/operations`, { token: root }));
    expect(ops.rows.find((r) => r.operation === `GET /api/v1/${marker}`)).toMatchObject({
      service: "facet",
      calls: 1,
      errors: 0,
    });

    const logs = await expectOk<LogSearchResult>(api("GET", `/api/v1/system/logs?q=${marker}`, { token: root }));
    expect(logs.logs.map((l) => l.body).sort()).toEqual([`handled ${marker}`, `inside ${marker}`]);
    const linked = logs.logs.find((l) => l.body.startsWith("inside"))!;
    expect(linked).toMatchObject({
      traceId: span.spanContext().traceId,
      severity: "info",
      service: "facet",
      namespace: "facet-system",
    });
    expect(linked.related).toEqual({ trace: `/api/v1/traces/${span.spanContext().traceId}`, metrics: null });

    const someone = await person("nosy");
    expect((await api("GET", `/api/v1/system/logs?q=${marker}`, { token: someone.token })).status).toBe(403);
    expect((await api("GET", `/api/v1/traces/${span.spanContext().traceId}`, { token: someone.token })).status).toBe(
      404,
    );
    await provider.shutdown();
  });
});
