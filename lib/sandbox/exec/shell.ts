// A tiny shell for the sandbox's simulated containers: enough for `kubectl exec` and the
// console's terminal to be real end to end (echo, pwd, cd, ls, cat, env, hostname, exit).
// Pure: the session feeds it lines and writes what it returns.

export interface ShellState {
  cwd: string;
  env: Record<string, string>;
  hostname: string;
}

export interface ShellResult {
  out: string;
  err: string;
  /** Set when the shell should end with this exit code. */
  exit?: number;
  code: number;
}

function files(state: ShellState): Record<string, string | null> {
  // null marks a directory.
  return {
    "/": null,
    "/app": null,
    "/etc": null,
    "/tmp": null,
    "/app/README": "This container runs in Facet's sandbox cluster; nothing here is real.\n",
    "/etc/hostname": `${state.hostname}\n`,
    "/etc/os-release": 'NAME="Facet sandbox"\nID=sandbox\n',
  };
}

function resolve(cwd: string, path: string): string {
  const parts = (path.startsWith("/") ? path : `${cwd}/${path}`).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (!p || p === ".") continue;
    if (p === "..") out.pop();
    else out.push(p);
  }
  return `/${out.join("/")}`;
}

function list(fs: Record<string, string | null>, dir: string): string[] {
  const prefix = dir === "/" ? "/" : `${dir}/`;
  return Object.keys(fs)
    .filter((p) => p !== dir && p.startsWith(prefix) && !p.slice(prefix.length).includes("/"))
    .map((p) => p.slice(prefix.length))
    .sort();
}

/** Splits a command line into words, honouring single and double quotes. */
export function words(line: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

const ok = (out = ""): ShellResult => ({ out, err: "", code: 0 });
const fail = (err: string, code = 1): ShellResult => ({ out: "", err, code });

export function runCommand(state: ShellState, argv: string[]): ShellResult {
  const [name, ...args] = argv.map((a) => a.replace(/\$(\w+)/g, (_, v: string) => state.env[v] ?? ""));
  const fs = files(state);
  switch (name) {
    case undefined:
      return ok();
    case "echo":
      return ok(`${args.join(" ")}\n`);
    case "pwd":
      return ok(`${state.cwd}\n`);
    case "hostname":
      return ok(`${state.hostname}\n`);
    case "whoami":
      return ok("root\n");
    case "true":
      return ok();
    case "false":
      return fail("", 1);
    case "env":
    case "printenv":
      return ok(
        Object.entries(state.env)
          .map(([k, v]) => `${k}=${v}\n`)
          .join(""),
      );
    case "cd": {
      const to = resolve(state.cwd, args[0] ?? "/");
      if (fs[to] !== null) return fail(`sh: cd: can't cd to ${args[0]}: No such file or directory\n`, 2);
      state.cwd = to;
      return ok();
    }
    case "ls": {
      const target = resolve(state.cwd, args[0] ?? ".");
      if (!(target in fs)) return fail(`ls: ${args[0]}: No such file or directory\n`, 1);
      return ok(
        fs[target] === null
          ? list(fs, target)
              .map((n) => `${n}\n`)
              .join("")
          : `${args[0]}\n`,
      );
    }
    case "cat": {
      let out = "";
      for (const a of args) {
        const content = fs[resolve(state.cwd, a)];
        if (typeof content !== "string")
          return { out, err: `cat: can't open '${a}': No such file or directory\n`, code: 1 };
        out += content;
      }
      return ok(out);
    }
    case "exit":
      return { out: "", err: "", code: Number(args[0] ?? 0) || 0, exit: Number(args[0] ?? 0) || 0 };
    default:
      return fail(`sh: ${name}: not found\n`, 127);
  }
}

/** Runs one command line (several commands may be joined with `;`). */
export function runLine(state: ShellState, line: string): ShellResult {
  const total: ShellResult = { out: "", err: "", code: 0 };
  for (const part of line.split(";")) {
    const r = runCommand(state, words(part));
    total.out += r.out;
    total.err += r.err;
    total.code = r.code;
    if (r.exit !== undefined) return { ...total, exit: r.exit };
  }
  return total;
}

export const SHELLS = new Set(["sh", "/bin/sh", "bash", "/bin/bash", "ash", "/bin/ash"]);
