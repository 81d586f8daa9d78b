import { describe, expect, it } from "vitest";
import { otlpExporterEnv } from "../exporter-env";

const parse = (lines: string) =>
  Object.fromEntries(lines.split("\n").map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));

describe("otlpExporterEnv", () => {
  it("gives the endpoint, a header the SDKs decode to the bearer token, and the environment's namespace", () => {
    const env = parse(
      otlpExporterEnv({ origin: "https://facet.example/", token: "fit_abc-_9", namespace: "shop-dev" }),
    );
    expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe("https://facet.example/api/otlp");
    const [key, value] = env.OTEL_EXPORTER_OTLP_HEADERS.split("=");
    expect([key, decodeURIComponent(value)]).toEqual(["Authorization", "Bearer fit_abc-_9"]);
    expect(value).not.toContain(" ");
    expect(env.OTEL_RESOURCE_ATTRIBUTES).toBe("k8s.namespace.name=shop-dev");
  });

  it("leaves the namespace for the user to fill in for a cluster-wide token", () => {
    expect(otlpExporterEnv({ origin: "http://127.0.0.1:3000", token: "fit_x", namespace: null })).toContain(
      "OTEL_RESOURCE_ATTRIBUTES=k8s.namespace.name=<namespace>",
    );
  });
});
