import pino, { type DestinationStream } from "pino";
import { currentTraceIds } from "./tracer";

type LogTap = (line: string) => void;
// On globalThis, not in a module variable: Next compiles this file once per bundle layer
// (instrumentation, route handlers, pages), and the tap set from instrumentation.ts must
// reach the loggers of every layer. OpenTelemetry's API keeps its globals the same way.
const TAP = Symbol.for("facet.logTap");
const holder = globalThis as { [TAP]?: LogTap | null };

/** Also hands every written line to `fn` (Facet's own log store); null stops it. */
export function setLogTap(fn: LogTap | null): void {
  holder[TAP] = fn;
}

/** JSON lines; every line carries the active trace and span ids. */
export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL ?? "info") {
  return pino(
    {
      level,
      base: { service: "facet" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => currentTraceIds(),
      hooks: {
        streamWrite: (line) => {
          holder[TAP]?.(line);
          return line;
        },
      },
    },
    destination,
  );
}

export const logger = createLogger();
