export { listProjects } from "./list-projects";
export { createProject } from "./create-project";
export { getProject } from "./get-project";
export { updateProject } from "./update-project";
export { deleteProject } from "./delete-project";
