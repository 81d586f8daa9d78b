import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { uniqueName } from "@/lib/testing/factories";
import { apiRouteFiles, handlerFor, routeParams } from "@/lib/testing/api";
import { eventually, kubectl, startReconcilingSandbox, type Sandbox } from "@/lib/testing/sandbox-harness";
import { api, expectOk, person, sandboxEnvironment, sysadminToken, tenantProject } from "@/lib/testing/world";

// Pod logs through Facet's route: snapshot options, and follow streaming new lines as the
// sandbox's simulated containers write them, until a bound ends the request.

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: chatty
  annotations:
    facet.dev/log-lines-per-second: "20"
spec:
  containers:
    - name: web
      image: nginx:1.27
      resources: { requests: { cpu: 10m, memory: 16Mi }, limits: { cpu: 50m, memory: 32Mi } }
    - name: cache
      image: redis:7
      resources: { requests: { cpu: 10m, memory: 16Mi }, limits: { cpu: 50m, memory: 32Mi } }
`;

/** The route's Response itself, so a test can read the body as it streams. */
async function open(path: string, token: string, signal?: AbortSignal): Promise<Response> {
  const url = new URL(path, "http://facet.test");
  const route = apiRouteFiles().find((r) => r.pattern.test(url.pathname))!;
  const handler = (await handlerFor("GET", route.file))!;
  const request = new NextRequest(url, { headers: { authorization: `Bearer ${token}` }, signal });
  return handler(request, { params: Promise.resolve(routeParams(route, url.pathname)) });
}

async function readAll(response: Response): Promise<{ text: string; chunks: number }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text, chunks };
    chunks++;
    text += decoder.decode(value, { stream: true });
  }
}

describe("pod logs: options and follow", () => {
  let sb: Sandbox;
  let root: string;
  const t = uniqueName("logs");
  const project = `/api/v1/tenants/${t}/projects/shop`;
  const env = `${project}/environments/shop-dev`;
  const logs = `${env}/pods/chatty/logs`;

  beforeAll(async () => {
    sb = await startReconcilingSandbox();
    root = await sysadminToken();
    await tenantProject(root, t);
    await sandboxEnvironment(root, project, "shop-dev");
    const { namespace } = await expectOk<{ namespace: string }>(api("GET", env, { token: root }));
    // A bare pod with two containers (the console creates Deployments; kubectl makes the rest).
    await eventually(
      async () => (await kubectl(sb, ["apply", "-n", namespace, "-f", "-"], POD)).code === 0,
      30_000,
      "the namespace reconciled and the pod applied",
    );
    await eventually(
      async () => (await api("GET", `${logs}?container=web&tail=1`, { token: root })).status === 200,
      30_000,
      "the pod running",
    );
  }, 60_000);
  afterEach(() => {
    delete process.env.FACET_LOG_FOLLOW_MAX_SECONDS;
    delete process.env.FACET_LOG_FOLLOW_MAX_BYTES;
  });
  afterAll(() => sb?.close());

  it("reads the chosen container, with or without timestamps, and since bounds the window", async () => {
    const web = await expectOk<string>(api("GET", `${logs}?container=web&tail=20`, { token: root }));
    const cache = await expectOk<string>(api("GET", `${logs}?container=cache&tail=20`, { token: root }));
    expect(web).not.toEqual(cache);
    expect(cache).toMatch(/^1:M /m);
    const stamped = await expectOk<string>(api("GET", `${logs}?container=web&tail=5&timestamps=true`, { token: root }));
    for (const line of stamped.trim().split("\n")) expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z /);
    expect(web.trim().split("\n")[0]).not.toMatch(/^\d{4}-\d\d-\d\dT/);
    // Two containers: naming none is the cluster's 400, not a guess.
    expect((await api("GET", `${logs}?tail=5`, { token: root })).status).toBe(422);
    expect((await api("GET", `${logs}?container=nope`, { token: root })).status).toBe(422);
    // since=5m only returns lines of the last five minutes (the pod is younger: all of them).
    const recent = await expectOk<string>(
      api("GET", `${logs}?container=web&since=5m&timestamps=true&tail=5000`, { token: root }),
    );
    const cutoff = Date.now() - 5 * 60_000 - 2_000;
    for (const line of recent.trim().split("\n")) expect(Date.parse(line.slice(0, 30))).toBeGreaterThan(cutoff);
    // Unknown windows and oversize tails are refused before the cluster is asked.
    for (const bad of ["since=2d", "tail=5001", "tail=0", "timestamps=yes", "follow=1"])
      expect((await api("GET", `${logs}?container=web&${bad}`, { token: root })).status).toBe(422);
  });

  it("follow streams lines written after the request started, then stops at the time bound", async () => {
    process.env.FACET_LOG_FOLLOW_MAX_SECONDS = "3";
    const started = Date.now();
    const response = await open(`${logs}?container=web&tail=1&timestamps=true&follow=true`, root);
    expect(response.status).toBe(200);
    const { text, chunks } = await readAll(response);
    const elapsed = Date.now() - started;
    // Ended by the bound, not by the client: about three seconds, well before the test timeout.
    expect(elapsed).toBeGreaterThanOrEqual(2_500);
    expect(elapsed).toBeLessThan(10_000);
    const times = text
      .trim()
      .split("\n")
      .filter((l) => /^\d{4}-/.test(l))
      .map((l) => Date.parse(l.slice(0, 30)));
    const fresh = times.filter((at) => at > started);
    // 20 lines a second for ~3 s, delivered in several chunks as the sandbox wrote them.
    expect(fresh.length).toBeGreaterThan(10);
    expect(chunks).toBeGreaterThan(1);
  });

  it("follow stops at the byte bound", async () => {
    process.env.FACET_LOG_FOLLOW_MAX_BYTES = "1500";
    const response = await open(`${logs}?container=web&tail=1&follow=true`, root);
    const { text } = await readAll(response);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1500);
    expect(Buffer.byteLength(text)).toBeGreaterThan(500);
  });

  it("follow ends when the reader goes away", async () => {
    const abort = new AbortController();
    const response = await open(`${logs}?container=web&tail=1&follow=true`, root, abort.signal);
    const reader = response.body!.getReader();
    await reader.read();
    abort.abort();
    await eventually(async () => (await reader.read()).done, 5_000, "the stream to end");
  });

  it("refuses users outside the tenant with 404 before any stream opens", async () => {
    const stranger = await person("stranger");
    const other = await open(`${logs}?container=web&follow=true`, stranger.token);
    expect(other.status).toBe(404);
    // A pod name that exists in no environment of theirs is 404 too, not a cluster error.
    expect((await open(`${env}/pods/nope/logs?follow=true`, root)).status).toBe(404);
  });
});
