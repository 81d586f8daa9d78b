import { badRequest } from "../k8s-error";

// Label selectors in the string form of k8s.io/apimachinery/pkg/labels: comma-separated
// requirements `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`, `k>1`, `k<1`.

export type Operator = "=" | "!=" | "in" | "notin" | "exists" | "!" | "gt" | "lt";

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

export type LabelSelector = Requirement[];

const KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function fail(why: string): never {
  throw badRequest(`unable to parse requirement: ${why}`);
}

function checkKey(key: string): string {
  if (!KEY.test(key) || key.length > 316)
    fail(
      `invalid label key "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
    );
  return key;
}

function checkValue(value: string): string {
  if (value.length > 63 || !VALUE.test(value))
    fail(
      `invalid label value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
    );
  return value;
}

/** Splits on commas that are not inside parentheses. */
function splitTerms(input: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of input) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      terms.push(current);
      current = "";
    } else current += ch;
  }
  terms.push(current);
  return terms.map((t) => t.trim()).filter((t) => t !== "");
}

function parseTerm(term: string): Requirement {
  if (term.startsWith("!")) return { key: checkKey(term.slice(1).trim()), operator: "!", values: [] };
  const set = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(term);
  if (set) {
    const values = set[3].split(",").map((v) => checkValue(v.trim()));
    return { key: checkKey(set[1]), operator: set[2] as "in" | "notin", values };
  }
  const binary = /^([^=!<>\s]+)\s*(==|=|!=|>|<)\s*(.*)$/.exec(term);
  if (binary) {
    const op = binary[2];
    const value = binary[3].trim();
    if (op === ">" || op === "<") {
      if (!/^-?\d+$/.test(value)) fail(`for 'Gt', 'Lt' operators, the value must be an integer`);
      return { key: checkKey(binary[1]), operator: op === ">" ? "gt" : "lt", values: [value] };
    }
    return { key: checkKey(binary[1]), operator: op === "!=" ? "!=" : "=", values: [checkValue(value)] };
  }
  if (/^\S+$/.test(term)) return { key: checkKey(term), operator: "exists", values: [] };
  return fail(`found '${term}', expected: identifier`);
}

export function parseLabelSelector(input: string | null | undefined): LabelSelector {
  if (!input) return [];
  return splitTerms(input).map(parseTerm);
}

export function matchesLabels(selector: LabelSelector, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return selector.every(({ key, operator, values }) => {
    const has = Object.prototype.hasOwnProperty.call(l, key);
    const value = l[key];
    switch (operator) {
      case "=":
      case "in":
        return has && values.includes(value);
      case "!=":
      case "notin":
        return !has || !values.includes(value);
      case "exists":
        return has;
      case "!":
        return !has;
      case "gt":
        return has && /^-?\d+$/.test(value) && Number(value) > Number(values[0]);
      case "lt":
        return has && /^-?\d+$/.test(value) && Number(value) < Number(values[0]);
    }
  });
}

interface StructuredSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** metav1.LabelSelector (matchLabels + matchExpressions) as requirements. */
export function fromStructured(selector: StructuredSelector | undefined): LabelSelector {
  if (!selector) return [];
  const requirements: LabelSelector = Object.entries(selector.matchLabels ?? {}).map(([key, v]) => ({
    key,
    operator: "=",
    values: [v],
  }));
  for (const e of selector.matchExpressions ?? []) {
    const operator = ({ In: "in", NotIn: "notin", Exists: "exists", DoesNotExist: "!" } as const)[e.operator as "In"];
    if (operator) requirements.push({ key: e.key, operator, values: e.values ?? [] });
  }
  return requirements;
}

/** The string form, as Scale.status.selector carries it. */
export function formatLabelSelector(selector: LabelSelector): string {
  return selector
    .map(({ key, operator, values }) => {
      switch (operator) {
        case "=":
          return `${key}=${values[0]}`;
        case "!=":
          return `${key}!=${values[0]}`;
        case "in":
        case "notin":
          return `${key} ${operator} (${[...values].sort().join(",")})`;
        case "exists":
          return key;
        case "!":
          return `!${key}`;
        case "gt":
          return `${key}>${values[0]}`;
        case "lt":
          return `${key}<${values[0]}`;
      }
    })
    .join(",");
}
