export { searchConsole } from "./search-console";
export * from "./schemas";
