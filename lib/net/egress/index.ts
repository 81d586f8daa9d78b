export { classifyAddress, type AddressClass } from "./address-class";
export { refusalFor, type EgressOptions } from "./policy";
export { EgressRefused, guardedLookup, refusalForHost } from "./resolve";
export { assertEgressAllowed } from "./check-url";
export { egressFetch } from "./fetch";
