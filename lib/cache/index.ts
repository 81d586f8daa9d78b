export { processCache, type ProcessCacheOptions } from "./process-cache";
export { dropProcessSingleton, peekProcessSingleton, processSingleton } from "./process-singleton";
