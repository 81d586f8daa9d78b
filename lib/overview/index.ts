export { getOverview } from "./get-overview";
export { getSystemOverview } from "./get-system-overview";
export { getMyOverview } from "./get-my-overview";
export type { Overview, SystemOverview, MyOverview } from "./schemas";
