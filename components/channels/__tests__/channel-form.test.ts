import { describe, expect, it } from "vitest";
import { testOutcome, type ChannelDto } from "../api";
import { configOf, valuesOf } from "../channel-form";

const email: ChannelDto = {
  name: "mail",
  scope: "tenant",
  kind: "email",
  sendResolved: true,
  config: {
    to: ["a@example.com", "b@example.com"],
    from: "facet@example.com",
    host: "smtp.example.com",
    port: 587,
    tls: "starttls",
    username: "facet",
    hasSecret: true,
  },
  lastDeliveryAt: null,
  lastError: null,
  pending: 0,
  recentDeliveries: [],
  createdAt: 0,
  updatedAt: 0,
};

describe("channel form", () => {
  it("an edit starts from the stored config, never from a secret", () => {
    const values = valuesOf(email);
    expect(values).toEqual({
      to: "a@example.com, b@example.com",
      from: "facet@example.com",
      host: "smtp.example.com",
      port: "587",
      tls: "starttls",
      username: "facet",
    });
    expect(values).not.toHaveProperty("password");
  });

  it("a secret left empty is not sent (the stored one stays); lists and numbers are typed", () => {
    expect(configOf("email", valuesOf(email))).toEqual({
      to: ["a@example.com", "b@example.com"],
      from: "facet@example.com",
      host: "smtp.example.com",
      port: 587,
      tls: "starttls",
      username: "facet",
    });
    expect(
      configOf("dingtalk", { url: " https://oapi.dingtalk.com/robot/send?access_token=x ", secret: "SEC1" }),
    ).toEqual({ url: "https://oapi.dingtalk.com/robot/send?access_token=x", secret: "SEC1" });
  });

  it("fields of another kind never leak into the config", () => {
    expect(configOf("alertmanager", { url: "http://am:9093", password: "x", to: "a@b" })).toEqual({
      url: "http://am:9093",
      auth: { type: "none" },
    });
  });

  it("sends a bearer token as the API's auth, and keeps a stored one when none is typed", () => {
    expect(configOf("webhook", { url: "https://hooks.example.com/a", token: " t0k " })).toEqual({
      url: "https://hooks.example.com/a",
      auth: { type: "bearer", token: "t0k" },
    });
    const stored: ChannelDto = {
      ...email,
      kind: "webhook",
      config: { url: "https://hooks.example.com/***", auth: { type: "bearer" }, hasSecret: true },
    };
    expect(configOf("webhook", valuesOf(stored), stored)).toEqual({
      url: "https://hooks.example.com/***",
      auth: { type: "bearer" },
    });
    // An unknown TLS mode falls back to the first (the API's default, STARTTLS).
    expect(configOf("email", { to: "a@b.c", from: "f@b.c", host: "h", port: "25", tls: "ssl3" }).tls).toBe("starttls");
  });
});

describe("testOutcome", () => {
  it("reads failure from ok:false, status failed or an error, and success otherwise", () => {
    expect(testOutcome({ ok: true })).toEqual({ ok: true, detail: "" });
    expect(testOutcome({ status: "delivered", detail: "HTTP 200" })).toEqual({ ok: true, detail: "HTTP 200" });
    expect(testOutcome({ ok: false, detail: "HTTP 500" })).toEqual({ ok: false, detail: "HTTP 500" });
    expect(testOutcome({ status: "failed", error: "connection refused" })).toEqual({
      ok: false,
      detail: "connection refused",
    });
    expect(testOutcome({ error: "timeout" }).ok).toBe(false);
    expect(testOutcome({ error: null }).ok).toBe(true);
  });
});
