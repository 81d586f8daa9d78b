import pino, { type DestinationStream } from "pino";
import { processSingleton } from "@/lib/cache";
import { currentTraceIds } from "./tracer";

type LogTap = (line: string) => void;
// One per process, not per module: Next compiles this file once per bundle layer
// (instrumentation, route handlers, pages), and the tap set from instrumentation.ts must
// reach the loggers of every layer.
const tap = processSingleton("log-tap", () => ({ fn: null as LogTap | null }));

/** Also hands every written line to `fn` (Facet's own log store); null stops it. */
export function setLogTap(fn: LogTap | null): void {
  tap.fn = fn;
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
          tap.fn?.(line);
          return line;
        },
      },
    },
    destination,
  );
}

export const logger = createLogger();
