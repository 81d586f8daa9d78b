export * from "./levels";
export { podSpecViolations, violationMessage } from "./check-pod-spec";
export { podSpecOf } from "./pod-template";
