import { describe, expect, it } from "vitest";
import type { AlertRuleInput } from "../api";
import { draftOf, emptyDraft, parseMatchers, ruleInputOf } from "../rule-form";

const base = {
  enabled: true,
  for: 120,
  message: "{{ $labels.pod }} is at {{ $value }}",
  levels: [
    { op: ">", value: 80, severity: "warning" },
    { op: ">=", value: 95, severity: "critical" },
  ],
  receivers: [
    { channel: "ops:pager", scope: "tenant", repeatIntervalSeconds: 900 },
    { channel: "oncall", scope: "system", repeatIntervalSeconds: 3600 },
  ],
} satisfies Omit<AlertRuleInput, "name" | "kind">;

describe("parseMatchers", () => {
  it("reads label=value per line or comma, trims, unquotes, and keeps a bare key for the server to refuse", () => {
    expect(parseMatchers(' app = web \nteam="pay", tier=a=b\n\nbroken')).toEqual({
      app: "web",
      team: "pay",
      tier: "a=b",
      broken: "",
    });
    expect(parseMatchers("")).toEqual({});
  });
});

describe("ruleInputOf", () => {
  it("round-trips every kind through the form unchanged", () => {
    const rules: AlertRuleInput[] = [
      {
        ...base,
        name: "cpu",
        kind: "metric",
        metric: { template: { scope: "containers", resource: "pod", rule: "cpu", labels: { pod: "web-1" } } },
      },
      { ...base, name: "raw", kind: "metric", metric: { promql: 'sum(rate(x{job="a"}[5m])) > 1' } },
      { ...base, name: "errs", kind: "log", log: { matchers: { app: "web" }, regex: "ERROR", windowSeconds: 300 } },
      { ...base, name: "down", kind: "probe", probe: { probe: "shop", condition: "failing", minutes: 5 } },
      { ...base, name: "cert", kind: "probe", probe: { probe: "shop", condition: "cert-expiry", days: 10 } },
    ];
    for (const rule of rules) expect(ruleInputOf(draftOf(rule)), rule.name).toEqual(rule);
  });

  it("sends only the chosen kind's spec and drops empty template label filters", () => {
    const draft = {
      ...emptyDraft(),
      name: " cpu ",
      templateScope: "containers",
      templateResource: "pod",
      templateRule: "cpu",
      templateLabels: { pod: " ", container: "app" },
      logRegex: "left over from the log form",
      probe: "shop",
    };
    const input = ruleInputOf(draft);
    expect(input.name).toBe("cpu");
    expect(input.metric).toEqual({
      template: { scope: "containers", resource: "pod", rule: "cpu", labels: { container: "app" } },
    });
    expect(input).not.toHaveProperty("log");
    expect(input).not.toHaveProperty("probe");
    const noLabels = ruleInputOf({ ...draft, templateLabels: { pod: "" } });
    expect(noLabels.metric?.template).not.toHaveProperty("labels");
  });

  it("leaves receivers without a channel out and splits the scope from a name holding a colon", () => {
    const input = ruleInputOf({
      ...emptyDraft(),
      receivers: [
        { key: "", repeatIntervalSeconds: 300 },
        { key: "tenant:ops:pager", repeatIntervalSeconds: 300 },
      ],
    });
    expect(input.receivers).toEqual([{ scope: "tenant", channel: "ops:pager", repeatIntervalSeconds: 300 }]);
  });

  it("sends an empty threshold as null so the server's 422 points at the level", () => {
    const body = JSON.parse(JSON.stringify(ruleInputOf(emptyDraft())));
    expect(body.levels).toEqual([{ op: ">", value: null, severity: "warning" }]);
  });
});
