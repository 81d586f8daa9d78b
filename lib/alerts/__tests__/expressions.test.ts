import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { injectLogqlNamespace } from "../expr/logql";
import { injectPromqlNamespace } from "../expr/promql";
import { assertSafeRegex } from "../expr/safe-regex";
import { renderMessage } from "../evaluate/render-message";

// Parsing, namespace injection and refusal, the regex subset, and message rendering: pure code,
// attacked with the variants a rule author could use to read another namespace.

const NS = "acme-env-a";

function refusal(f: () => unknown): { path: string; message: string } {
  try {
    f();
  } catch (error) {
    if (!isAppError(error)) throw error;
    expect(error.code).toBe("VALIDATION");
    return error.options.errors![0];
  }
  throw new Error("expected a 422");
}

describe("PromQL namespace injection", () => {
  it.each([
    ["up", `up{namespace="${NS}"}`],
    ["up{}", `up{namespace="${NS}"}`],
    ['rate(http_requests_total{code="500"}[5m])', `rate(http_requests_total{namespace="${NS}", code="500"}[5m])`],
    [
      "sum by (pod) (rate(a[5m])) / on() group_left b",
      `sum by (pod) (rate(a{namespace="${NS}"}[5m])) / on() group_left b{namespace="${NS}"}`,
    ],
    [
      "max_over_time(rate(x[1m])[10m:1m]) > ignoring(namespace) y",
      `max_over_time(rate(x{namespace="${NS}"}[1m])[10m:1m]) > ignoring(namespace) y{namespace="${NS}"}`,
    ],
    ['{__name__=~"up|down"}', `{namespace="${NS}", __name__=~"up|down"}`],
    [`up{namespace="${NS}"}`, `up{namespace="${NS}"}`],
    ["a offset 5m @ 100", `a{namespace="${NS}"} offset 5m @ 100`],
    [
      'label_replace(a, "namespace", "x", "", "") or absent(b)',
      `label_replace(a{namespace="${NS}"}, "namespace", "x", "", "") or absent(b{namespace="${NS}"})`,
    ],
  ])("%s", (input, expected) => {
    expect(injectPromqlNamespace(input, NS)).toBe(expected);
  });

  it("scopes with the backend's own namespace label", () => {
    expect(injectPromqlNamespace("up", NS, "metric.promql", "kubernetes_namespace")).toBe(
      `up{kubernetes_namespace="${NS}"}`,
    );
  });

  it.each([
    ['up{namespace="other"}', 3],
    ['up{namespace=~"acme.*"}', 3],
    ['up{namespace!="x"}', 3],
    ['up{namespace!~"x"}', 3],
    ['up{"namespace"="other"}', 3],
    [`up{namespace=~"${NS}"}`, 3],
    ['sum(a) + on() sum(b{namespace="other"})', 20],
    ['max_over_time(a{namespace="o"}[5m:1m])', 16],
  ])("refuses %s naming the position", (input, offset) => {
    const e = refusal(() => injectPromqlNamespace(input, NS));
    expect(e.path).toBe("metric.promql");
    expect(e.message).toContain(`(offset ${offset})`);
    expect(e.message).toMatch(/may only read namespace/);
  });

  it("refuses info(), which joins series the rule did not select", () => {
    expect(refusal(() => injectPromqlNamespace("info(up)", NS)).message).toMatch(/info\(\) is not allowed/);
  });

  it.each([
    ['up{a="b"', "line 1, column 9 (offset 8)"],
    ["sum(rate(x[5m])", "line 1, column 16 (offset 15)"],
    ["a +\n  (b", "line 2, column 5 (offset 8)"],
    ["rate(x[5m]) >>", "offset"],
    ["", "offset 0"],
  ])("a syntax error in %j names the position", (input, where) => {
    const e = refusal(() => injectPromqlNamespace(input, NS));
    expect(e.message).toContain(where);
  });
});

describe("LogQL namespace injection", () => {
  it.each([
    ['{app="x"} |~ "ERROR"', `{namespace="${NS}", app="x"} |~ "ERROR"`],
    [
      'sum(count_over_time({app="x"} |~ "ERROR" [5m]))',
      `sum(count_over_time({namespace="${NS}", app="x"} |~ "ERROR" [5m]))`,
    ],
    [
      'count_over_time({a="1"}[1m]) / count_over_time({b="2"}[1m])',
      `count_over_time({namespace="${NS}", a="1"}[1m]) / count_over_time({namespace="${NS}", b="2"}[1m])`,
    ],
    [`{namespace="${NS}"} | json | level="error"`, `{namespace="${NS}"} | json | level="error"`],
    [`{app="x", namespace="${NS}"} |= "a"`, `{app="x", namespace="${NS}"} |= "a"`],
  ])("%s", (input, expected) => {
    expect(injectLogqlNamespace(input, NS)).toBe(expected);
  });

  it.each([
    '{namespace="other"}',
    '{app="x", namespace=~".+"}',
    '{app="x", namespace!="y"}',
    '{app="x"} | json | namespace="other"',
    '{app="x"} | logfmt | namespace=~"o.*"',
    'sum(count_over_time({app="x"} | json | namespace!="a" [5m]))',
  ])("refuses %s", (input) => {
    expect(refusal(() => injectLogqlNamespace(input, NS)).message).toMatch(/may only read namespace/);
  });

  it.each(['{app="x"', '{app="x"} |~ ', 'count_over_time({a="b"}[5m]'])(
    "a syntax error in %j names the position",
    (input) => {
      expect(refusal(() => injectLogqlNamespace(input, NS)).message).toMatch(
        /Syntax error at line 1, column \d+ \(offset \d+\)/,
      );
    },
  );
});

describe("log rule regexes", () => {
  it.each(["ERROR", "(?i)error|fatal", "timeout after [0-9]+ ms", "^GET /api/(users|orders)", "a{2,5}b", "(ab)+"])(
    "accepts %s",
    (r) => expect(() => assertSafeRegex(r)).not.toThrow(),
  );
  it.each([
    ["(a+)+$", /repeated group/],
    ["(a|aa)*b", /repeated group/],
    ["((ab)*)+", /repeated group/],
    ["(x+x+)+y", /repeated group/],
    ["(a)\\1", /Backreferences/],
    ["foo(?=bar)", /Lookaround/],
    ["(?<!x)y", /Lookaround/],
    ["(?>a+)b", /Atomic/],
    ["a++", /Possessive/],
    ["a{1,1000}", /at most 100/],
    ["[unclosed", /Not a valid/],
    ["a(?i)b", /Inline flags/],
  ])("refuses %s", (r, why) => {
    const e = refusal(() => assertSafeRegex(r));
    expect(e.path).toBe("log.regex");
    expect(e.message).toMatch(why);
  });
});

describe("message templates", () => {
  it("substitutes labels and the value, nothing else", () => {
    expect(renderMessage("{{ $labels.pod }} at {{$value}} ({{ $labels.missing }})", { pod: "web-1" }, 0.123456)).toBe(
      "web-1 at 0.1235 ()",
    );
  });
  it("leaves anything that is not a placeholder as written, without evaluating it", () => {
    const t = '{{ .Values }} {{ $labels.__proto__ }} {{ printf "%s" $value }} ${process.exit()} {{ constructor }}';
    expect(renderMessage(t, {}, 1)).toBe('{{ .Values }}  {{ printf "%s" $value }} ${process.exit()} {{ constructor }}');
  });
});
