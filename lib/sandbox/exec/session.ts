import type { WebSocket } from "ws";
import { runCommand, runLine, SHELLS, type ShellState } from "./shell";

// One exec session on the Kubernetes channel protocol (v4/v5.channel.k8s.io): every binary
// message starts with its channel byte: 0 stdin, 1 stdout, 2 stderr, 3 status, 4 resize,
// 255 close (v5). Commands other than a shell run once; a shell reads lines from stdin.

const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const STATUS = 3;
const CLOSE = 255;

export interface ExecOptions {
  command: string[];
  tty: boolean;
  stdin: boolean;
  state: ShellState;
}

function statusOf(code: number): Record<string, unknown> {
  if (code === 0) return { metadata: {}, status: "Success" };
  return {
    metadata: {},
    status: "Failure",
    message: `command terminated with non-zero exit code: error executing command, exit code ${code}`,
    reason: "NonZeroExitCode",
    details: { causes: [{ reason: "ExitCode", message: String(code) }] },
  };
}

export function runExecSession(ws: WebSocket, options: ExecOptions): void {
  const send = (channel: number, text: string) => {
    if (text && ws.readyState === ws.OPEN) ws.send(Buffer.concat([Buffer.from([channel]), Buffer.from(text)]));
  };
  // A tty merges stderr into stdout and wants CRLF line ends.
  const out = (text: string) => send(STDOUT, options.tty ? text.replace(/\r?\n/g, "\r\n") : text);
  const err = (text: string) => (options.tty ? out(text) : send(STDERR, text));
  let finished = false;
  const finish = (code: number) => {
    if (finished) return;
    finished = true;
    send(STATUS, JSON.stringify(statusOf(code)));
    ws.close(1000);
  };

  const [program, ...args] = options.command;
  if (!SHELLS.has(program) || args[0] === "-c") {
    const r =
      args[0] === "-c"
        ? runLine(options.state, args.slice(1).join(" "))
        : runCommand(options.state, [program, ...args]);
    out(r.out);
    err(r.err);
    finish(r.code);
    return;
  }

  const prompt = () => out(`${options.state.cwd === "/" ? "/" : options.state.cwd.split("/").pop()} # `);
  let line = "";
  let last = 0;
  const execute = () => {
    const r = runLine(options.state, line);
    line = "";
    out(r.out);
    err(r.err);
    last = r.code;
    if (r.exit !== undefined) finish(r.exit);
    else if (options.tty) prompt();
  };
  if (options.tty) prompt();
  // A broken client or an oversize message ends the session (never an unheard error).
  ws.on("error", () => ws.terminate());
  ws.on("message", (data: Buffer, isBinary: boolean) => {
    const frame = isBinary ? data : Buffer.from(data.toString(), "binary");
    if (frame.length === 0 || finished) return;
    if (frame[0] === CLOSE && frame[1] === STDIN) return finish(last);
    if (frame[0] !== STDIN) return;
    for (const ch of frame.subarray(1).toString("utf8")) {
      if (ch === "\r" || ch === "\n") {
        // A terminal sends CR for Enter; a pipe ends lines with LF.
        if (ch !== (options.tty ? "\r" : "\n")) continue;
        if (options.tty) out("\n");
        execute();
      } else if (ch === "\u0004") {
        if (!line) return finish(last);
      } else if (ch === "\u0003") {
        line = "";
        if (options.tty) {
          out("^C\n");
          prompt();
        }
      } else if (ch === "\u007f" || ch === "\b") {
        if (line) {
          line = line.slice(0, -1);
          if (options.tty) send(STDOUT, "\b \b");
        }
      } else {
        line += ch;
        if (options.tty) send(STDOUT, ch);
      }
    }
  });
}
