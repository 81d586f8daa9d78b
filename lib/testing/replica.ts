// Starts lib/testing/replica-process.ts as another OS process on this test run's database.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export interface Replica {
  api: string;
  nacos: string;
  /** The leaderships that process holds now. */
  leaders(): Promise<string[]>;
  /** Ends the process at once, as a crash would (its database connections drop). */
  kill(): Promise<void>;
}

export async function startReplica(env: Record<string, string> = {}): Promise<Replica> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./bench/server-only-hook.mjs", "lib/testing/replica-process.ts"],
    {
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const waiting: ((message: Record<string, unknown>) => void)[] = [];
  lines.on("line", (line) => {
    if (!line.startsWith("{")) return;
    waiting.shift()?.(JSON.parse(line) as Record<string, unknown>);
  });
  const next = () => new Promise<Record<string, unknown>>((resolve) => waiting.push(resolve));
  const ready = await Promise.race([
    next(),
    new Promise<never>((_, reject) =>
      child.once("exit", (code) => reject(new Error(`the replica exited (${code}) before it was ready`))),
    ),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("the replica was not ready within 60 s")), 60_000).unref(),
    ),
  ]);
  return {
    api: String(ready.api),
    nacos: String(ready.nacos),
    leaders: async () => {
      const answer = next();
      child.stdin!.write("leaders\n");
      return (await answer).leaders as string[];
    },
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  };
}
