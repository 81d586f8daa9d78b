export { listEnvironments } from "./list-environments";
export { createEnvironment } from "./create-environment";
export { getEnvironment } from "./get-environment";
export { updateEnvironment } from "./update-environment";
export { deleteEnvironment } from "./delete-environment";
