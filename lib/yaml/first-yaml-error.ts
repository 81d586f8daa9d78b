import type { Document, YAMLError } from "yaml";

export interface YamlSyntaxError {
  line: number;
  column: number;
  message: string;
}

/** 1-based position and one-line message of a YAML error: the yaml package appends
 *  " at line N, column M:" and a code excerpt, which the caller's own wording replaces. */
export function describeYamlError(error: YAMLError): YamlSyntaxError {
  const at = error.linePos?.[0] ?? { line: 1, col: 1 };
  return {
    line: at.line,
    column: at.col,
    message: error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, ""),
  };
}

/** The first error in a parsed stream of documents, or null when every document parsed. */
export function firstYamlError(docs: Iterable<Pick<Document, "errors">>): YamlSyntaxError | null {
  for (const doc of docs) if (doc.errors[0]) return describeYamlError(doc.errors[0]);
  return null;
}
