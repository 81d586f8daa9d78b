import { route } from "@/lib/http/route";
import { environmentScope } from "@/lib/tenancy/scope";
import { followPodLogs } from "@/lib/workloads/follow-pod-logs";
import { podLogs } from "@/lib/workloads/pod-logs";
import { LogsQuery, PodParams } from "@/lib/workloads/schemas";

const headers = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

export const GET = route(
  { verb: podLogs, params: PodParams, query: LogsQuery, scope: environmentScope },
  async ({ ctx, input, request }) => {
    const { follow, ...query } = input.query;
    const args = { ctx, input: { pod: input.params.pod, ...query } };
    // Following streams the cluster's log through, chunk by chunk (bounded in the verb).
    if (follow)
      return new Response(await followPodLogs({ ...args, input: { ...args.input, signal: request.signal } }), {
        headers: { ...headers, "X-Accel-Buffering": "no" },
      });
    return new Response(await podLogs(args), { headers });
  },
);
