import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";

export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

// jsonc-parser's codes read like identifiers ("CommaExpected"); these read like sentences.
const MESSAGES: Record<string, string> = {
  InvalidSymbol: "Unexpected character; expected a value",
  InvalidNumberFormat: "Bad number",
  PropertyNameExpected: "Expected a property name",
  ValueExpected: "Expected a value",
  ColonExpected: "Expected ':'",
  CommaExpected: "Expected ','",
  CloseBraceExpected: "Expected '}'",
  CloseBracketExpected: "Expected ']'",
  EndOfFileExpected: "Unexpected text after the JSON value",
  InvalidCommentToken: "Comments are not allowed in JSON",
  UnexpectedEndOfComment: "Comments are not allowed in JSON",
  UnexpectedEndOfString: "Unterminated string",
  UnexpectedEndOfNumber: "Bad number",
  InvalidUnicode: "Bad \\u escape",
  InvalidEscapeCharacter: "Bad escape",
  InvalidCharacter: "Control character in a string",
};

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") };
}

/**
 * Where a text that JSON.parse refused breaks, by jsonc-parser in strict mode (no comments, no
 * trailing commas). JSON.parse stays the judge; this only says where and why.
 */
export function locateJsonError(text: string): JsonSyntaxError {
  const errors: ParseError[] = [];
  try {
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    // Its parser recurses per nesting level; past the stack, say so rather than fail.
    return { line: 1, column: 1, message: "Nested too deeply" };
  }
  const first = errors[0];
  if (!first) return { ...lineColumn(text, text.length), message: "Not valid JSON" };
  const code = printParseErrorCode(first.error);
  return { ...lineColumn(text, first.offset), message: MESSAGES[code] ?? code };
}
