import { describe, expect, it } from "vitest";
import type { ProbeDto } from "../api";
import { draftOf, probeInputOf } from "../probe-form";

const probe: ProbeDto = {
  name: "shop",
  kind: "http",
  target: "https://shop.example.com/health",
  intervalSeconds: 30,
  timeoutSeconds: 5,
  checks: {
    validStatusCodes: [200, 204],
    bodyMustMatch: ["ok", "ready"],
    bodyMustNotMatch: ["maintenance"],
    tlsRequired: true,
    certExpiryWarningDays: 21,
    followRedirects: false,
  },
  enabled: false,
  state: "up",
  lastRunAt: null,
  lastLatencyMs: null,
  lastStatusCode: null,
  lastError: null,
  uptime24h: null,
  uptime7d: null,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
};

describe("probe form", () => {
  it("an edited probe sends back exactly its writable fields", () => {
    expect(probeInputOf(draftOf(probe))).toEqual({
      name: "shop",
      kind: "http",
      target: "https://shop.example.com/health",
      intervalSeconds: 30,
      timeoutSeconds: 5,
      checks: probe.checks,
      enabled: false,
    });
  });

  it("reads status codes separated by commas or spaces and regexes one per line", () => {
    const input = probeInputOf({
      ...draftOf(),
      name: " api ",
      target: " http://api:8080/ ",
      statusCodes: "200, 301 302,,",
      mustMatch: "  up \n\n  healthy",
      mustNotMatch: "",
    });
    expect(input.name).toBe("api");
    expect(input.target).toBe("http://api:8080/");
    expect(input.checks.validStatusCodes).toEqual([200, 301, 302]);
    expect(input.checks.bodyMustMatch).toEqual(["up", "healthy"]);
    expect(input.checks).not.toHaveProperty("bodyMustNotMatch");
    expect(input.checks).not.toHaveProperty("certExpiryWarningDays");
  });

  it("a TCP or ICMP probe sends no HTTP checks, a DNS probe its query", () => {
    const tcp = probeInputOf({ ...draftOf(probe), kind: "tcp", target: "db:5432" });
    expect(tcp.checks).toEqual({});
    const dns = probeInputOf({ ...draftOf(), kind: "dns", target: "1.1.1.1", dnsQueryName: "example.com" });
    expect(dns.checks).toEqual({ dnsQueryName: "example.com", dnsQueryType: "A" });
  });

  it("an empty or unreadable number goes to the server as null, for its 422 to name the field", () => {
    const input = probeInputOf({ ...draftOf(), interval: "", timeout: "abc", certDays: "x" });
    const body = JSON.parse(JSON.stringify(input));
    expect(body.intervalSeconds).toBeNull();
    expect(body.timeoutSeconds).toBeNull();
    expect(body.checks.certExpiryWarningDays).toBeNull();
  });
});
