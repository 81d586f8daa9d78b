import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../logger";
import { registerTelemetry } from "../register";
import { withSpan } from "../tracer";

describe("structured logs", () => {
  it("write JSON lines carrying the active trace and span ids", async () => {
    await registerTelemetry();
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split("\n").filter(Boolean));
        done();
      },
    });
    const log = createLogger(sink, "info");
    const ids = await withSpan("test span", {}, async (span) => {
      log.info({ request_id: "r-1" }, "inside");
      return span.spanContext();
    });
    log.info("outside");
    const [inside, outside] = lines.map((l) => JSON.parse(l));
    expect(inside).toMatchObject({
      msg: "inside",
      level: "info",
      request_id: "r-1",
      trace_id: ids.traceId,
      span_id: ids.spanId,
    });
    expect(inside.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(outside.trace_id).toBeUndefined();
  });
});
