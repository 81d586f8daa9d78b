// Rows travel to MariaDB as LOAD DATA LOCAL INFILE text: tab-separated, backslash-escaped,
// \N for NULL, binary ids as hex (the statement UNHEXes them). It loads about twice as fast
// as multi-row INSERT here, and building it costs less than SQL escaping.

const SPECIAL = /[\\\t\n\r\0]/;
const SPECIAL_ALL = /[\\\t\n\r\0]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\0": "\\0" };

export type TsvValue = string | number | boolean | Buffer | null | undefined;

function field(v: TsvValue): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "\\N";
  if (typeof v === "boolean") return v ? "1" : "0";
  if (typeof v === "string") return SPECIAL.test(v) ? v.replace(SPECIAL_ALL, (c) => ESCAPES[c]) : v;
  return v.toString("hex");
}

/** One line of the load file, newline included. */
export function tsvLine(values: TsvValue[]): string {
  let line = field(values[0]);
  for (let i = 1; i < values.length; i++) line += `\t${field(values[i])}`;
  return `${line}\n`;
}
