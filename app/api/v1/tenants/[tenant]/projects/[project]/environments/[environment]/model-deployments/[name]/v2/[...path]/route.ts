import { modelDeploymentV2Route } from "@/lib/http/model-deployment-v2-route";

// The deployment's Open Inference Protocol (V2) endpoint: health, metadata, readiness, infer.
export const GET = modelDeploymentV2Route;
export const POST = modelDeploymentV2Route;
