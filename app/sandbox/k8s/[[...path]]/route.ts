import { handleSandboxRequest } from "@/lib/sandbox";

// The sandbox cluster's Kubernetes API (kubectl and client libraries talk to it directly).
export const dynamic = "force-dynamic";

async function handle(request: Request, { params }: { params: Promise<{ path?: string[] }> }): Promise<Response> {
  const { path = [] } = await params;
  return handleSandboxRequest(request, path);
}

export { handle as DELETE, handle as GET, handle as PATCH, handle as POST, handle as PUT };
