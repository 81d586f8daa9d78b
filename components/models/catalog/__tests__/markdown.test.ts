// Model cards come from third parties: the renderer must never turn their text into HTML.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { deploymentName } from "../deploy-dialog";
import { Markdown, parseBlocks, safeHref } from "../markdown";

const html = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe("model card markdown", () => {
  it("renders headings, lists, code, quotes, bold and links, dropping front matter and comments", () => {
    const out = html(
      "---\nlicense: mit\ntags: [x]\n---\n# Title\n\nSome **bold** and `code`.\n\n- one\n- two\n\n1. first\n\n```python\nprint(1)\n```\n\n> quoted\n\n<!-- hidden -->\n[docs](https://example.com/d)",
    );
    expect(out).not.toContain("license: mit");
    expect(out).not.toContain("hidden");
    expect(out).toContain('<h2 class="text-xl mt-4 font-semibold">Title</h2>');
    expect(out).toContain("<strong>bold</strong>");
    expect(out).toMatch(/<code[^>]*>code<\/code>/);
    expect(out).toContain("<li>one</li><li>two</li>");
    expect(out).toContain("<ol");
    expect(out).toContain("<code>print(1)</code>");
    expect(out).toContain("<blockquote");
    expect(out).toContain('href="https://example.com/d"');
    expect(out).toContain('rel="noopener noreferrer nofollow"');
  });

  it("shows HTML and script as text and never links anything but http(s)", () => {
    const out = html(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3)) [d](data:text/html,hi) [rel](/admin)',
    );
    expect(out).not.toContain("<script>");
    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).not.toContain("href=");
    expect(out).toContain("click");
    for (const bad of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "/relative", "vbscript:x"])
      expect(safeHref(bad), bad).toBeNull();
    expect(safeHref("http://example.com/a b")).toBe("http://example.com/a%20b");
  });

  it("renders GitHub tables, with or without a header row", () => {
    const out = html("| name | datatype |\n|---|---|\n| text | BYTES |\n\n| a | b |");
    expect(out).toContain("<thead><tr><th");
    expect(out).toMatch(/<td[^>]*>text<\/td><td[^>]*>BYTES<\/td>/);
    expect(parseBlocks("| a | b |")).toEqual([{ kind: "table", head: [], rows: [["a", "b"]] }]);
  });

  it("bounds the number of blocks, and an unclosed fence takes the rest", () => {
    expect(parseBlocks("para\n\n".repeat(2000)).length).toBe(500);
    expect(parseBlocks("```\nno end\n# not a heading")).toEqual([{ kind: "code", text: "no end\n# not a heading" }]);
  });

  it("makes a DNS label for a deployment from a model id", () => {
    expect(deploymentName("distilbert/DistilBERT_base-uncased")).toBe("distilbert-base-uncased");
    expect(deploymentName("sentiment-en")).toBe("sentiment-en");
    expect(deploymentName("org/___")).toBe("model");
    expect(deploymentName(`x/${"a".repeat(80)}`)).toHaveLength(63);
  });
});
