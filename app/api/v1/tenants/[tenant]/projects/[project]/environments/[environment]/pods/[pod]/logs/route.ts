import { route } from "@/lib/http/route";
import { environmentScope } from "@/lib/tenancy/scope";
import { podLogs } from "@/lib/workloads/pod-logs";
import { LogsQuery, PodParams } from "@/lib/workloads/schemas";

export const GET = route(
  { verb: podLogs, params: PodParams, query: LogsQuery, scope: environmentScope },
  async ({ ctx, input }) => {
    const text = await podLogs({
      ctx,
      input: { pod: input.params.pod, tail: input.query.tail, container: input.query.container },
    });
    return new Response(text, {
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  },
);
