import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Readable, Writable } from "node:stream";
import * as k8s from "@kubernetes/client-node";
import { WebSocket } from "ws";
import { eventually, kubectl, startSandbox, uniqueNamespace, type Sandbox } from "@/lib/testing/sandbox-harness";

// Exec over WebSockets (v5.channel.k8s.io) against the sandbox's built-in shell. kubectl exec
// cannot reach it over plain http: its WebSocket dialer refuses the token-in-userinfo URL.
describe("sandbox exec", () => {
  let sb: Sandbox;
  const ns = uniqueNamespace("exec");

  beforeAll(async () => {
    sb = await startSandbox();
    expect((await kubectl(sb, ["create", "namespace", ns])).code).toBe(0);
    const pod = `apiVersion: v1
kind: Pod
metadata: { name: box }
spec:
  containers:
    - name: main
      image: busybox
      env: [{ name: GREETING, value: hello-from-env }]
    - name: side
      image: nginx:1.27
`;
    expect((await kubectl(sb, ["apply", "-n", ns, "-f", "-"], pod)).code).toBe(0);
    await eventually(
      async () =>
        (await kubectl(sb, ["get", "pod", "box", "-n", ns, "-o", "jsonpath={.status.phase}"])).stdout === "Running",
      20_000,
      "the pod running",
    );
  }, 60_000);
  afterAll(() => sb?.close());

  /** client-node's Exec (the path Facet relays through): stdout, stderr and the status. */
  async function exec(container: string, command: string[], stdin?: string) {
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(sb.kubeconfigPath);
    let stdout = "";
    let stderr = "";
    const out = new Writable({ write: (c: Buffer, _e, done) => ((stdout += c.toString()), done()) });
    const err = new Writable({ write: (c: Buffer, _e, done) => ((stderr += c.toString()), done()) });
    const input = stdin === undefined ? null : Readable.from([stdin]);
    const status = await new Promise<k8s.V1Status>((resolve, reject) => {
      new k8s.Exec(kc).exec(ns, "box", container, command, out, err, input, false, resolve).catch(reject);
    });
    return { stdout, stderr, status };
  }

  it("runs one command and passes its exit code through", async () => {
    const hi = await exec("main", ["echo", "hi"]);
    expect(hi.stdout).toBe("hi\n");
    expect(hi.status.status).toBe("Success");
    expect((await exec("main", ["hostname"])).stdout).toBe("box\n");
    const failed = await exec("main", ["sh", "-c", "exit 3"]);
    expect(failed.status).toMatchObject({ status: "Failure", reason: "NonZeroExitCode" });
    expect(failed.status.details?.causes?.[0]).toMatchObject({ reason: "ExitCode", message: "3" });
    const missing = await exec("main", ["nosuch"]);
    expect(missing.stderr).toContain("nosuch: not found");
    expect(missing.status.details?.causes?.[0]?.message).toBe("127");
  });

  it("reads a shell's commands from stdin: env shows the container's env, ls a small fs", async () => {
    const run = await exec("main", ["sh"], "env\nls /\ncd /etc; pwd; cat hostname\nexit 0\n");
    expect(run.status.status).toBe("Success");
    expect(run.stdout).toContain("GREETING=hello-from-env\n");
    expect(run.stdout).toContain("app\netc\ntmp\n");
    expect(run.stdout).toContain("/etc\nbox\n");
  });

  it("refuses an unknown container, an unknown pod and a missing token", async () => {
    await expect(exec("nope", ["echo", "x"])).rejects.toBeTruthy();
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(sb.kubeconfigPath);
    const ghost = new k8s.Exec(kc).exec(ns, "ghost", "main", ["echo", "x"], null, null, null, false);
    await expect(ghost).rejects.toBeTruthy();
    const anonymous = new WebSocket(
      `ws://${sb.server.host}${sb.server.pathname}/api/v1/namespaces/${ns}/pods/box/exec?command=echo&command=x&stdout=true`,
      ["v5.channel.k8s.io"],
    );
    const status = await new Promise<number>((resolve) => {
      anonymous.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      anonymous.on("open", () => resolve(101));
    });
    expect(status).toBe(401);
  });
});
