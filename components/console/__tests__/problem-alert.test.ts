import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import type { Problem } from "@/lib/http/problem";
import { ProblemAlert } from "../problem-alert";

const render = (problem: Problem) =>
  renderToStaticMarkup(
    createElement(
      I18nProvider,
      { locale: "en" } as ComponentProps<typeof I18nProvider>,
      createElement(ProblemAlert, { problem }),
    ),
  );
const count = (html: string, text: string) => html.split(text).length - 1;

describe("ProblemAlert", () => {
  it("says each message once: the one the detail quotes is not listed again", () => {
    const quoted = "line 3: spec.replicas: replicas must be a whole number from 0 to 100";
    const html = render({
      type: "about:blank",
      title: "Validation failed",
      status: 422,
      code: "VALIDATION",
      detail: `The object cannot be saved: ${quoted}.`,
      errors: [
        { path: "body.yaml", message: quoted },
        { path: "body.yaml", message: "line 9: spec.selector: the selector is Facet's" },
      ],
    } as Problem);
    expect(count(html, quoted)).toBe(1);
    expect(count(html, "the selector is Facet&#x27;s")).toBe(1);
  });
});
