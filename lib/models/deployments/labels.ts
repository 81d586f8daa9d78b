/** The label on every object a model deployment puts on a cluster (never facet.dev/application:
 *  the environment reconciler deletes application workloads it does not know). */
export const MODEL_DEPLOYMENT_LABEL = "facet.dev/model-deployment";
/** What the sandbox pods run: the built-in runtime serves them from Facet's own process. */
export const BUILTIN_RUNTIME_IMAGE = "facet/model-runtime:1.0";
export const V2_PORT = 8080;
/** Largest V2 request body accepted by the passthrough. */
export const V2_MAX_BODY_BYTES = 8 * 1024 * 1024;
