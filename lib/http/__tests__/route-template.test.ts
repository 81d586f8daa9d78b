import { describe, expect, it } from "vitest";
import { routeTemplate } from "../route-template";

describe("routeTemplate", () => {
  it("names each dynamic segment", () => {
    expect(routeTemplate("/api/v1/tenants/acme/projects/shop", { tenant: "acme", project: "shop" })).toBe(
      "/api/v1/tenants/{tenant}/projects/{project}",
    );
    expect(routeTemplate("/api/health", {})).toBe("/api/health");
  });

  it("is not fooled by values equal to each other or to static segments", () => {
    expect(routeTemplate("/api/v1/tenants/api/projects/api", { tenant: "api", project: "api" })).toBe(
      "/api/v1/tenants/{tenant}/projects/{project}",
    );
    expect(routeTemplate("/api/v1/tenants/projects/projects/x", { tenant: "projects", project: "x" })).toBe(
      "/api/v1/tenants/{tenant}/projects/{project}",
    );
  });

  it("matches encoded values and catch-all params", () => {
    expect(routeTemplate("/api/v1/x/configs/na%C3%AFve.txt", { dataId: "naïve.txt" })).toBe(
      "/api/v1/x/configs/{dataId}",
    );
    expect(routeTemplate("/sandbox/k8s/api/v1/pods", { path: ["api", "v1", "pods"] })).toBe("/sandbox/k8s/{...path}");
  });
});
