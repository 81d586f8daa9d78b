import { downloadSandboxKubeconfig } from "@/lib/clusters/sandbox-kubeconfig";
import { ClusterParams } from "@/lib/clusters/schemas";
import { publicOrigin } from "@/lib/http/origin";
import { route } from "@/lib/http/route";

export const GET = route(
  { verb: downloadSandboxKubeconfig, params: ClusterParams },
  async ({ ctx, input, request }) => {
    const yaml = await downloadSandboxKubeconfig({
      ctx,
      input: { cluster: input.params.cluster, origin: publicOrigin(request.headers) },
    });
    return new Response(yaml, {
      headers: {
        "Content-Type": "application/yaml; charset=utf-8",
        "Content-Disposition": `attachment; filename="facet-${input.params.cluster}.kubeconfig"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
