import { describe, expect, it } from "vitest";
import { staleDiff, yamlIssues } from "../api";
import { buildFlowForm, type FlowFormState } from "../flow-form";
import { buildOutputForm } from "../output-form";

const state = (patch: Partial<FlowFormState> = {}): FlowFormState => ({
  name: "web-logs",
  selected: { web: "facet.dev/application" },
  extra: [],
  outputs: [],
  clusterOutputs: "facet",
  parser: false,
  parserKey: "message",
  grepInclude: "",
  grepExclude: "",
  counter: true,
  geoip: "",
  throttle: "",
  detectExceptions: false,
  ...patch,
});
const candidates = [
  { name: "web", labelKey: "facet.dev/application" as const },
  { name: "api", labelKey: "app.kubernetes.io/name" as const },
];

describe("buildFlowForm", () => {
  it("builds the contract's FlowForm with every filter chosen", () => {
    const built = buildFlowForm(
      state({
        selected: { web: "app", api: "app.kubernetes.io/name" },
        extra: [{ name: "legacy", labelKey: "app" }],
        outputs: ["loki"],
        clusterOutputs: " facet , archive ",
        parser: true,
        parserKey: "log",
        grepInclude: "GET /api",
        grepExclude: "healthz|readyz",
        geoip: "client_ip, forwarded_for",
        throttle: "120",
        detectExceptions: true,
      }),
      candidates,
    );
    expect(built).toEqual({
      ok: true,
      form: {
        name: "web-logs",
        applications: [
          { name: "web", labelKey: "app" },
          { name: "api", labelKey: "app.kubernetes.io/name" },
          { name: "legacy", labelKey: "app" },
        ],
        outputs: ["loki"],
        clusterOutputs: ["facet", "archive"],
        filters: {
          parser: { keyName: "log" },
          grep: { include: "GET /api", exclude: "healthz|readyz" },
          counter: true,
          geoip: { keys: ["client_ip", "forwarded_for"] },
          throttle: { linesPerMinute: 120 },
          detectExceptions: true,
        },
      },
    });
  });

  it("takes the names the API server takes (DNS subdomains)", () => {
    expect(buildFlowForm(state({ name: "web.errors-1" }), candidates).ok).toBe(true);
    expect(buildFlowForm(state({ name: "web..errors" }), candidates).ok).toBe(false);
  });

  it("leaves unchosen filters out", () => {
    const built = buildFlowForm(state({ counter: false }), candidates);
    expect(built.ok && built.form.filters).toEqual({});
  });

  it("refuses what the server would: bad or reserved name, no application, no output, bad regex, bad throttle", () => {
    expect(buildFlowForm(state({ name: "Web Logs" }), candidates)).toMatchObject({
      errors: { name: "logging.error.name" },
    });
    expect(buildFlowForm(state({ name: "default" }), candidates)).toMatchObject({
      errors: { name: "logging.error.reservedName" },
    });
    const bad = buildFlowForm(
      state({ selected: {}, clusterOutputs: "", grepExclude: "(unclosed", throttle: "1.5" }),
      candidates,
    );
    expect(bad).toEqual({
      ok: false,
      errors: {
        applications: "logging.error.noApplication",
        outputs: "logging.error.noOutput",
        grepExclude: "logging.error.regex",
        throttle: "logging.error.throttle",
      },
    });
  });
});

describe("buildOutputForm", () => {
  it("puts credentials only into secrets, settings stay non-secret", () => {
    const built = buildOutputForm("es", "elasticsearch", {
      host: " es.internal ",
      port: "9200",
      scheme: "https",
      index: "logs",
      username: "writer",
      password: " p4ss word ",
    });
    expect(built).toEqual({
      ok: true,
      form: {
        name: "es",
        type: "elasticsearch",
        settings: { host: "es.internal", port: 9200, scheme: "https", index: "logs" },
        secrets: { username: "writer", password: " p4ss word " },
      },
    });
  });

  it("sends no secrets member when none were typed, and the Facet type needs no fields", () => {
    expect(buildOutputForm("loki", "loki", { url: "http://loki:3100" })).toEqual({
      ok: true,
      form: { name: "loki", type: "loki", settings: { url: "http://loki:3100" } },
    });
    expect(buildOutputForm("to-facet", "facet", {})).toEqual({
      ok: true,
      form: { name: "to-facet", type: "facet", settings: {} },
    });
  });

  it("an Elasticsearch index is optional, as in the API", () => {
    expect(buildOutputForm("es", "elasticsearch", { host: "h", port: "9200", scheme: "https" })).toMatchObject({
      ok: true,
      form: { settings: { host: "h", port: 9200, scheme: "https" } },
    });
  });

  it("refuses missing required fields, a bad URL and a bad port", () => {
    expect(buildOutputForm("k", "kafka", { brokers: "b:9092" })).toEqual({
      ok: false,
      errors: { topic: "logging.error.required" },
    });
    expect(buildOutputForm("h", "http", { endpoint: "ftp://x" })).toMatchObject({
      errors: { endpoint: "logging.error.url" },
    });
    expect(
      buildOutputForm("e", "elasticsearch", { host: "h", port: "99999", scheme: "http", index: "i" }),
    ).toMatchObject({ errors: { port: "logging.error.port" } });
  });
});

describe("problem helpers", () => {
  it("reads errors[] with lines and a stale edit's diff", () => {
    const problem = {
      status: 422,
      errors: [
        { path: "spec.match", line: 7, column: 3, message: "empty match" },
        { path: "spec", line: null, column: null, message: "no output" },
      ],
      diff: { before: "a", after: "b" },
    };
    expect(yamlIssues(problem)).toEqual(problem.errors);
    expect(staleDiff(problem)).toEqual({ before: "a", after: "b" });
    expect(yamlIssues({ detail: "x" })).toEqual([]);
    expect(staleDiff({ diff: { before: 1 } })).toBeNull();
  });
});
