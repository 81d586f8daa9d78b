export { listApplications } from "./list-applications";
export { getApplication } from "./get-application";
export { createApplication } from "./create-application";
export { updateApplication } from "./update-application";
export { deleteApplication } from "./delete-application";
