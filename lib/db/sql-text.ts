// The one reviewed place where SQL text is assembled from pieces (the lint rule
// facet/no-sql-interpolation allows template interpolation here and in `sqlText` tags only).
// A piece is either literal text from code or another SqlText: a string cannot be passed in,
// so request data can only ever reach the database as a bound value.

const BRAND = Symbol("facet.sqlText");

export interface SqlText {
  readonly [BRAND]: true;
  readonly text: string;
}

const make = (text: string): SqlText => Object.freeze({ [BRAND]: true as const, text });

export const isSqlText = (value: unknown): value is SqlText =>
  typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;

/** SQL text written in code; interpolations may only be other SqlText values. */
export function sqlText(strings: TemplateStringsArray, ...parts: SqlText[]): SqlText {
  if (!Object.isFrozen(strings) || !Array.isArray(strings.raw)) throw new TypeError("sqlText is a template tag");
  let text = strings[0];
  parts.forEach((part, i) => {
    if (!isSqlText(part)) throw new TypeError("sqlText interpolations must be SqlText (bind values with ?)");
    text += part.text + strings[i + 1];
  });
  return make(text);
}

const SEPARATORS = [", ", ",", " AND ", " OR "] as const;

/** Joins pieces of SQL with a fixed separator. */
export function joinSql(parts: readonly SqlText[], separator: (typeof SEPARATORS)[number]): SqlText {
  if (!SEPARATORS.includes(separator)) throw new TypeError("unsupported separator");
  if (!parts.every(isSqlText)) throw new TypeError("joinSql takes SqlText pieces");
  return make(parts.map((p) => p.text).join(separator));
}

/** A column or table name chosen from a fixed list in code. */
export function sqlIdentifier<T extends string>(name: T, allowed: readonly T[]): SqlText {
  if (!allowed.includes(name) || !/^[a-z_][a-z0-9_]*$/.test(name))
    throw new TypeError(`identifier '${name}' is not allowed`);
  return make(name);
}

/** Names usable as JSON object keys in a path: what OTel attributes and Prometheus labels use. */
export const JSON_KEY = /^[A-Za-z_][A-Za-z0-9_.:/-]{0,127}$/;

/**
 * The JSON path `$."key"` for one member, as a bound VALUE (never SQL text). Keys outside
 * JSON_KEY return null: the caller answers 422 naming the field.
 */
export function jsonMemberPath(key: string): string | null {
  return JSON_KEY.test(key) ? `$."${key}"` : null;
}
