export { getNamespacePolicy } from "./get-namespace-policy";
export { setNamespacePolicy } from "./set-namespace-policy";
export { loadNamespacePolicy, type NamespacePolicy } from "./load-namespace-policy";
export { podSecurityFor } from "./pod-security-for";
export { readLiveNamespace } from "./live-namespace";
export { reservedBy, BUILTIN_RESERVED } from "./reserved";
