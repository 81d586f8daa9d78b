import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueName } from "@/lib/testing/factories";
import { api, expectOk, sysadminToken } from "@/lib/testing/world";

// Every API request is a span, and the verb it runs is a child span carrying the permission
// it checked; a refused request's span is marked as an error.
describe("request spans", () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const manager = new AsyncLocalStorageContextManager();

  beforeAll(() => {
    context.setGlobalContextManager(manager.enable());
    trace.setGlobalTracerProvider(provider);
  });
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
  });

  it("opens an HTTP span for the route and a child span for its verb", async () => {
    const root = await sysadminToken();
    const t = uniqueName("span");
    await expectOk(api("POST", "/api/v1/tenants", { token: root, body: { name: t } }), 201);
    exporter.reset();
    await expectOk(api("GET", `/api/v1/tenants/${t}`, { token: root }));
    const spans = exporter.getFinishedSpans();
    const http = spans.find((s) => s.name.startsWith("GET /api/v1/tenants/"));
    expect(http, spans.map((s) => s.name).join(", ")).toBeDefined();
    expect(http!.name).toBe("GET /api/v1/tenants/{tenant}");
    expect(http!.attributes).toMatchObject({
      "http.request.method": "GET",
      "http.route": "/api/v1/tenants/{tenant}",
      "url.path": `/api/v1/tenants/${t}`,
    });
    const verb = spans.find(
      (s) => s.name.startsWith("verb ") && s.parentSpanContext?.spanId === http!.spanContext().spanId,
    );
    expect(verb, spans.map((s) => s.name).join(", ")).toBeDefined();
    expect(verb!.attributes["facet.permission"]).toBe("tenants.read");
    expect(verb!.spanContext().traceId).toBe(http!.spanContext().traceId);
  });
});
