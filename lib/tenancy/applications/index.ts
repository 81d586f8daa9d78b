export { listApplications, getApplication, createApplication, updateApplication, deleteApplication } from "./application-verbs";
