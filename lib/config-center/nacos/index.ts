import "server-only";
import { deleteConfigs, getConfigs, publishConfigs } from "./handlers/configs";
import { history, previousHistory } from "./handlers/history";
import { listen, listenerStatus } from "./handlers/listener";
import { login } from "./handlers/login";
import { namespaces } from "./handlers/namespaces";
import { nacosRoute } from "./serve";

/** Facet's Nacos v1 config API, one handler per route of app/nacos/v1. */
export const nacosApi = {
  login: nacosRoute("auth/login", login),
  getConfigs: nacosRoute("cs/configs", getConfigs),
  publishConfigs: nacosRoute("cs/configs", publishConfigs),
  deleteConfigs: nacosRoute("cs/configs", deleteConfigs),
  listen: nacosRoute("cs/configs/listener", listen),
  listenerStatus: nacosRoute("cs/configs/listener", listenerStatus),
  history: nacosRoute("cs/history", history),
  previousHistory: nacosRoute("cs/history/previous", previousHistory),
  namespaces: nacosRoute("console/namespaces", namespaces),
};
