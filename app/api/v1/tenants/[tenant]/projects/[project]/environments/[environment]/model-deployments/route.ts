import { route } from "@/lib/http/route";
import { modelDeploymentOps as ops } from "@/lib/models/deployments/operations";

export const GET = route(ops.listModelDeployments);
export const POST = route(ops.createModelDeployment);
