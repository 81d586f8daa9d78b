export { getMe, type Me } from "./get-me";
