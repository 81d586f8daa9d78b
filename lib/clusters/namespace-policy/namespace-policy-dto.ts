import type { NamespacePolicy } from "./load-namespace-policy";
import { BUILTIN_RESERVED } from "./reserved";
import type { NamespacePolicyDto } from "./schemas";

export function namespacePolicyDto(cluster: string, p: NamespacePolicy): NamespacePolicyDto {
  return {
    cluster,
    adoptable: p.adoptable,
    reserved: p.reserved,
    builtinReserved: [...BUILTIN_RESERVED],
    podSecurity: p.podSecurity,
    version: p.version,
  };
}
