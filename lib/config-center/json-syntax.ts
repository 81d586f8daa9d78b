// Finds where a JSON text breaks RFC 8259, because JSON.parse does not always say where.
export interface SyntaxProblem {
  offset: number;
  message: string;
}

const WS = new Set([" ", "\t", "\n", "\r"]);

export function findJsonError(text: string): SyntaxProblem | null {
  let i = 0;
  let depth = 0;
  const fail = (message: string): never => {
    throw { offset: i, message } satisfies SyntaxProblem;
  };
  const skip = () => {
    while (i < text.length && WS.has(text[i])) i++;
  };
  const expect = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`Unexpected ${describe(text[i])}; expected a value`);
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail("Control character in a string");
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail("Bad \\u escape");
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? "x")) fail("Bad escape");
      }
      i++;
    }
    if (i >= text.length) fail("Unterminated string");
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === "-") fail("Bad number");
    i += match![0].length;
  };
  const value = (): void => {
    skip();
    const c = text[i];
    if ((c === "{" || c === "[") && ++depth > 512) fail("Nested deeper than 512 levels");
    if (c === "{") return object();
    if (c === "[") return array();
    if (c === '"') return string();
    if (c === "-" || (c >= "0" && c <= "9")) return number();
    if (c === "t") return expect("true");
    if (c === "f") return expect("false");
    if (c === "n") return expect("null");
    fail(`Unexpected ${describe(c)}; expected a value`);
  };
  const close = () => {
    i++;
    depth--;
  };
  const object = () => {
    i++;
    skip();
    if (text[i] === "}") return close();
    for (;;) {
      skip();
      if (text[i] !== '"') fail(`Unexpected ${describe(text[i])}; expected a property name`);
      string();
      skip();
      if (text[i] !== ":") fail(`Unexpected ${describe(text[i])}; expected ':'`);
      i++;
      value();
      skip();
      if (text[i] === ",") i++;
      else if (text[i] === "}") return close();
      else fail(`Unexpected ${describe(text[i])}; expected ',' or '}'`);
    }
  };
  const array = () => {
    i++;
    skip();
    if (text[i] === "]") return close();
    for (;;) {
      value();
      skip();
      if (text[i] === ",") i++;
      else if (text[i] === "]") return close();
      else fail(`Unexpected ${describe(text[i])}; expected ',' or ']'`);
    }
  };
  try {
    value();
    skip();
    if (i < text.length) fail(`Unexpected ${describe(text[i])} after the JSON value`);
    return null;
  } catch (problem) {
    return problem as SyntaxProblem;
  }
}

const describe = (c: string | undefined) => (c === undefined ? "end of input" : `'${c}'`);

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}
