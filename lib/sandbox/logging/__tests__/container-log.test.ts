import { describe, expect, it } from "vitest";
import { containerLog, logRate, LOG_RATE_ANNOTATION, MAX_LOG_RATE, type LogSource } from "@/lib/sandbox/logs";

// Simulated container output: shaped like the image, at the pod's rate, the same for every reader.

const started = new Date("2026-12-07T10:00:00Z");
const source = (over: Partial<LogSource> = {}): LogSource => ({
  seed: "0b6c8e0e-uid",
  container: "web",
  image: "nginx:1.27",
  startedAt: started,
  rate: 50,
  ...over,
});
const at = (seconds: number) => new Date(started.getTime() + seconds * 1000);

describe("container logs", () => {
  it("reads the rate from the pod annotation, bounded, with a slow default", () => {
    expect(logRate(undefined)).toBe(0.2);
    expect(logRate({ [LOG_RATE_ANNOTATION]: "50" })).toBe(50);
    expect(logRate({ [LOG_RATE_ANNOTATION]: "100000" })).toBe(MAX_LOG_RATE);
    expect(logRate({ [LOG_RATE_ANNOTATION]: "lots" })).toBe(0.2);
  });

  it("writes rate events a second: access lines with 4xx and 5xx, JSON, errors and stack traces", () => {
    const lines = containerLog(source(), -1, at(120)).map((l) => l.text);
    const events = new Set(containerLog(source(), -1, at(120)).map((l) => l.at.getTime())).size;
    expect(events).toBeGreaterThanOrEqual(120 * 50);
    expect(lines.slice(0, 3)[2]).toBe("nginx: [notice] start worker processes");
    expect(
      lines.some((l) => /^\S+ - - \[07\/Dec\/2026:10:0\d:\d\d \+0000\] "(GET|POST) \S+ HTTP\/1\.1" 4\d\d /.test(l)),
    ).toBe(true);
    expect(lines.some((l) => /" 5\d\d \d+ "/.test(l))).toBe(true);
    expect(
      lines.some(
        (l) => typeof (JSON.parse(l.startsWith("{") ? l : "null") as { status?: number } | null)?.status === "number",
      ),
    ).toBe(true);
    expect(lines.some((l) => /\[error\]/.test(l))).toBe(true);
    const trace = lines.findIndex((l) => /Exception in thread|TypeError:/.test(l));
    expect(lines[trace + 1]).toMatch(/^(\tat |\s+at )/);
  });

  it("is a pure function of pod, container and time, and windows and tails agree", () => {
    const whole = containerLog(source(), -1, at(30));
    expect(containerLog(source(), -1, at(30))).toEqual(whole);
    const window = containerLog(source(), at(10).getTime(), at(20));
    expect(window).toEqual(whole.filter((l) => l.at > at(10) && l.at <= at(20)));
    expect(containerLog(source(), -1, at(30), 7)).toEqual(whole.slice(-7));
    expect(containerLog(source({ container: "other" }), -1, at(30))).not.toEqual(whole);
  });
});
