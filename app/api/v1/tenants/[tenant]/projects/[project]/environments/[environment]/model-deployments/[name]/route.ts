import { route } from "@/lib/http/route";
import { modelDeploymentOps as ops } from "@/lib/models/deployments/operations";

export const GET = route(ops.getModelDeployment);
export const PUT = route(ops.updateModelDeployment);
export const DELETE = route(ops.deleteModelDeployment);
