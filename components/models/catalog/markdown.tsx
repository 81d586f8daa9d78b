// A tiny markdown renderer for model cards that builds React elements only: no HTML from the card
// is ever interpreted (react-markdown is not a dependency; cards come from third parties).
import type { ReactNode } from "react";

type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "code"; text: string }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "quote"; text: string }
  | { kind: "table"; head: string[]; rows: string[][] }
  | { kind: "paragraph"; text: string };

const MAX_BLOCKS = 500;

/** Splits markdown into blocks; YAML front matter and HTML comments are dropped. */
export function parseBlocks(source: string): Block[] {
  const text = source
    .replace(/\r\n?/g, "\n")
    .replace(/^---\n[\s\S]*?\n---\n/, "")
    .replace(/<!--[\s\S]*?-->/g, "");
  const lines = text.split("\n");
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length && blocks.length < MAX_BLOCKS) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = /^\s*(```|~~~)/.exec(line);
    if (fence) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i].trim().startsWith(fence[1]); i++) body.push(lines[i]);
      i++;
      blocks.push({ kind: "code", text: body.join("\n") });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: "heading", level: heading[1].length, text: heading[2].replace(/\s#+\s*$/, "") });
      i++;
      continue;
    }
    const item = /^\s*([-*+]|\d+[.)])\s+/;
    if (item.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const items: string[] = [];
      for (; i < lines.length && item.test(lines[i]); i++) items.push(lines[i].replace(item, ""));
      blocks.push({ kind: "list", ordered, items });
      continue;
    }
    if (line.trim().startsWith("|")) {
      const rows: string[][] = [];
      for (; i < lines.length && lines[i].trim().startsWith("|"); i++) rows.push(cells(lines[i]));
      // The second row of a GitHub table is its |---|---| delimiter.
      const delimited = rows.length > 1 && rows[1].every((c) => /^:?-+:?$/.test(c));
      blocks.push(
        delimited ? { kind: "table", head: rows[0], rows: rows.slice(2) } : { kind: "table", head: [], rows },
      );
      continue;
    }
    if (line.startsWith(">")) {
      const body: string[] = [];
      for (; i < lines.length && lines[i].startsWith(">"); i++) body.push(lines[i].replace(/^>\s?/, ""));
      blocks.push({ kind: "quote", text: body.join(" ") });
      continue;
    }
    const body: string[] = [];
    for (
      ;
      i < lines.length && lines[i].trim() && !/^(#{1,6}\s|```|~~~|>|\s*\||\s*([-*+]|\d+[.)])\s)/.test(lines[i]);
      i++
    )
      body.push(lines[i].trim());
    blocks.push({ kind: "paragraph", text: body.join(" ") });
  }
  return blocks;
}

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((c) => c.trim());

/** Only absolute http(s) links are links; anything else (javascript:, data:, relative) stays text. */
export function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}

const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\[[^\]]+\]\([^)\s]+\))/g;

export function renderInline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let k = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const token = m[0];
    if (m[1])
      out.push(
        <code key={k++} className="rounded bg-muted px-1 font-mono text-xs">
          {token.slice(1, -1)}
        </code>,
      );
    else if (m[2]) out.push(<strong key={k++}>{token.slice(2, -2)}</strong>);
    else {
      const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(token)!;
      const href = safeHref(link[2]);
      out.push(
        href ? (
          <a
            key={k++}
            href={href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="text-primary underline"
          >
            {link[1]}
          </a>
        ) : (
          link[1]
        ),
      );
    }
    last = m.index + token.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

const HEADINGS = ["h2", "h3", "h4", "h5", "h6", "h6"] as const;
const HEADING_CLASS = ["text-xl", "text-lg", "text-base", "text-sm", "text-sm", "text-sm"];

export function Markdown({ source }: { source: string }) {
  return (
    <div className="space-y-3 text-sm leading-relaxed">
      {parseBlocks(source).map((b, i) => {
        switch (b.kind) {
          case "heading": {
            // The page has its own h1: a card's "#" is an h2.
            const H = HEADINGS[b.level - 1];
            return (
              <H key={i} className={`${HEADING_CLASS[b.level - 1]} mt-4 font-semibold`}>
                {renderInline(b.text)}
              </H>
            );
          }
          case "code":
            return (
              <pre key={i} className="overflow-x-auto rounded bg-muted p-3 font-mono text-xs">
                <code>{b.text}</code>
              </pre>
            );
          case "list": {
            const L = b.ordered ? "ol" : "ul";
            return (
              <L key={i} className={`${b.ordered ? "list-decimal" : "list-disc"} space-y-1 pl-6`}>
                {b.items.map((item, j) => (
                  <li key={j}>{renderInline(item)}</li>
                ))}
              </L>
            );
          }
          case "table":
            return (
              <div key={i} className="overflow-x-auto">
                <table className="text-xs">
                  {b.head.length > 0 && (
                    <thead>
                      <tr>
                        {b.head.map((c, j) => (
                          <th key={j} className="border px-2 py-1 text-left font-medium">
                            {renderInline(c)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                  )}
                  <tbody>
                    {b.rows.map((r, j) => (
                      <tr key={j}>
                        {r.map((c, k) => (
                          <td key={k} className="border px-2 py-1">
                            {renderInline(c)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          case "quote":
            return (
              <blockquote key={i} className="border-l-4 pl-3 text-muted-foreground">
                {renderInline(b.text)}
              </blockquote>
            );
          default:
            return <p key={i}>{renderInline(b.text)}</p>;
        }
      })}
    </div>
  );
}
