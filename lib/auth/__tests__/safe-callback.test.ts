import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "../safe-callback";

describe("safeCallbackPath", () => {
  it("keeps paths inside the app", () => {
    expect(safeCallbackPath("/")).toBe("/");
    expect(safeCallbackPath("/tenants/acme?tab=members#q")).toBe("/tenants/acme?tab=members#q");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "http:/evil.example",
    "/%0d%0aLocation:%20https://evil.example".replace("%0d%0a", "\r\n"),
    "",
    null,
    undefined,
    "/login?callbackUrl=/x",
  ])("refuses %s", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/");
  });
});
