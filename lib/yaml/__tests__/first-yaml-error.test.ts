import { describe, expect, it } from "vitest";
import { parseAllDocuments, parseDocument } from "yaml";
import { firstYamlError } from "../first-yaml-error";

describe("firstYamlError", () => {
  it("is null when every document parses", () => {
    expect(firstYamlError(parseAllDocuments("a: 1\n---\nb: 2\n"))).toBeNull();
  });

  it("names the line and column of the first broken document, in one line without the yaml package's suffix", () => {
    const problem = firstYamlError(parseAllDocuments("a: 1\n---\nb: 2\n  c: [\n"));
    expect(problem).not.toBeNull();
    expect(problem!.line).toBeGreaterThanOrEqual(3);
    expect(problem!.column).toBeGreaterThanOrEqual(1);
    expect(problem!.message).not.toMatch(/\n| at line \d+, column \d+/);
    expect(problem!.message.length).toBeGreaterThan(0);
  });

  it("reports a duplicate key at its own position", () => {
    const problem = firstYamlError([parseDocument("a: 1\nb: 2\na: 3\n", { uniqueKeys: true })]);
    expect(problem).toMatchObject({ line: 3, column: 1 });
    expect(problem!.message).toMatch(/unique/i);
  });
});
