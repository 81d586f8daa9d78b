export { checkHealth, type Health } from "./check-health";
export { healthResponse } from "./health-response";
