import "server-only";
import { PassThrough } from "node:stream";
import { ApiException, Log } from "@kubernetes/client-node";
import { AppError } from "@/lib/errors";
import { onCluster } from "@/lib/clusters/upstream-error";
import { verb, type VerbArgs } from "@/lib/core/verb";
import type { EnvironmentCtx } from "@/lib/core/scoped-context";
import { environmentTarget } from "./env-client";
import type { PodLogsInput } from "./pod-logs";
import { LOG_SINCE } from "./schemas";

/** One follow request lasts at most this long and carries at most this much; the browser
 *  reopens it when the user wants more, so no request holds a cluster stream for ever. */
export function followBounds(): { maxMs: number; maxBytes: number } {
  return {
    maxMs: Number(process.env.FACET_LOG_FOLLOW_MAX_SECONDS ?? 600) * 1000,
    maxBytes: Number(process.env.FACET_LOG_FOLLOW_MAX_BYTES ?? 8 * 1024 * 1024),
  };
}

/** client-node's Log drops the cluster's Status text, so its usual refusals are named here. */
function refusal(error: unknown, pod: string, container?: string): AppError | null {
  if (!(error instanceof ApiException)) return null;
  if (error.code === 404) return new AppError("NOT_FOUND", `Pod '${pod}' was not found.`);
  if (error.code === 400)
    return new AppError(
      "VALIDATION",
      `The cluster refused to follow pod '${pod}'${container ? ` container '${container}'` : ""}.`,
      {
        errors: [{ path: "query.container", message: "Choose a running container of this pod." }],
      },
    );
  return null;
}

/** A pod's log as a stream that carries new lines as the container writes them, until the
 *  container stops, the reader goes away or a bound (time, bytes) is reached. */
export const followPodLogs = verb(
  "workloads.logs.follow",
  "workloads.read",
  async ({ ctx, input }: VerbArgs<PodLogsInput & { signal?: AbortSignal }, EnvironmentCtx>) => {
    const { client, namespace, cluster } = await environmentTarget(ctx);
    const { maxMs, maxBytes } = followBounds();
    const sink = new PassThrough();
    const upstream = await onCluster(cluster, () =>
      new Log(client.kc)
        .log(namespace, input.pod, input.container ?? "", sink, {
          follow: true,
          tailLines: input.tail,
          timestamps: input.timestamps ?? false,
          sinceSeconds: LOG_SINCE[input.since ?? "all"] ?? undefined,
          limitBytes: maxBytes,
        })
        .catch((error: unknown) => {
          throw refusal(error, input.pod, input.container) ?? error;
        }),
    );
    let sent = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      clearTimeout(timer);
      upstream.abort();
      sink.destroy();
    };
    input.signal?.addEventListener("abort", stop);
    return new ReadableStream<Uint8Array>({
      start(controller) {
        let open = true;
        const close = () => {
          if (!open) return;
          open = false;
          stop();
          controller.close();
        };
        timer = setTimeout(close, maxMs);
        sink.on("data", (chunk: Buffer) => {
          if (!open) return;
          const room = maxBytes - sent;
          const piece = chunk.length > room ? chunk.subarray(0, room) : chunk;
          sent += piece.length;
          controller.enqueue(new Uint8Array(piece));
          if (sent >= maxBytes) close();
        });
        sink.on("end", close);
        sink.on("error", close);
        sink.on("close", close);
      },
      cancel: stop,
    });
  },
);
