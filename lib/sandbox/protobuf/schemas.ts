// Field numbers of the Kubernetes messages kubectl's typed clients send as protobuf
// (`kubectl create namespace|configmap|secret|serviceaccount|deployment|service|quota|ingress`),
// from the generated.proto files of k8s.io/api and k8s.io/apimachinery.

/** `keep`: a Go pointer field, present only when set, so a zero value is meaningful. */
export interface FieldSpec {
  name: string;
  type: string;
  repeated?: boolean;
  keep?: boolean;
}

type Message = Record<number, FieldSpec>;

const f = (name: string, type: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, type, ...extra });
const list = (name: string, type: string): FieldSpec => ({ name, type, repeated: true });
const ptr = (name: string, type: string): FieldSpec => ({ name, type, keep: true });

export const MESSAGES: Record<string, Message> = {
  Unknown: { 1: f("typeMeta", "TypeMeta"), 2: f("raw", "bytes"), 3: f("contentEncoding", "string"), 4: f("contentType", "string") },
  TypeMeta: { 1: f("apiVersion", "string"), 2: f("kind", "string") },
  ObjectMeta: {
    1: f("name", "string"),
    2: f("generateName", "string"),
    3: f("namespace", "string"),
    5: f("uid", "string"),
    6: f("resourceVersion", "string"),
    7: f("generation", "int"),
    8: f("creationTimestamp", "Time"),
    9: f("deletionTimestamp", "Time"),
    10: ptr("deletionGracePeriodSeconds", "int"),
    11: f("labels", "map<string>"),
    12: f("annotations", "map<string>"),
    13: list("ownerReferences", "OwnerReference"),
    14: list("finalizers", "string"),
  },
  OwnerReference: { 1: f("kind", "string"), 3: f("name", "string"), 4: f("uid", "string"), 5: f("apiVersion", "string"), 6: ptr("controller", "bool"), 7: ptr("blockOwnerDeletion", "bool") },
  Time: { 1: f("seconds", "int"), 2: f("nanos", "int") },
  IntOrString: { 1: f("type", "int"), 2: f("intVal", "int"), 3: f("strVal", "string") },
  Quantity: { 1: f("string", "string") },
  LabelSelector: { 1: f("matchLabels", "map<string>"), 2: list("matchExpressions", "LabelSelectorRequirement") },
  LabelSelectorRequirement: { 1: f("key", "string"), 2: f("operator", "string"), 3: list("values", "string") },
  LocalObjectReference: { 1: f("name", "string") },
  ObjectReference: { 1: f("kind", "string"), 2: f("namespace", "string"), 3: f("name", "string"), 4: f("uid", "string"), 5: f("apiVersion", "string") },

  Namespace: { 1: f("metadata", "ObjectMeta"), 2: f("spec", "NamespaceSpec"), 3: f("status", "NamespaceStatus") },
  NamespaceSpec: { 1: list("finalizers", "string") },
  NamespaceStatus: { 1: f("phase", "string") },
  ConfigMap: { 1: f("metadata", "ObjectMeta"), 2: f("data", "map<string>"), 3: f("binaryData", "map<bytes>"), 4: ptr("immutable", "bool") },
  Secret: { 1: f("metadata", "ObjectMeta"), 2: f("data", "map<bytes>"), 3: f("type", "string"), 4: f("stringData", "map<string>"), 5: ptr("immutable", "bool") },
  ServiceAccount: {
    1: f("metadata", "ObjectMeta"),
    2: list("secrets", "ObjectReference"),
    3: list("imagePullSecrets", "LocalObjectReference"),
    4: ptr("automountServiceAccountToken", "bool"),
  },
  ResourceQuota: { 1: f("metadata", "ObjectMeta"), 2: f("spec", "ResourceQuotaSpec"), 3: f("status", "ResourceQuotaStatus") },
  ResourceQuotaSpec: { 1: f("hard", "map<Quantity>"), 2: list("scopes", "string"), 3: f("scopeSelector", "ScopeSelector") },
  ScopeSelector: { 1: list("matchExpressions", "ScopedResourceSelectorRequirement") },
  ScopedResourceSelectorRequirement: { 1: f("scopeName", "string"), 2: f("operator", "string"), 3: list("values", "string") },
  ResourceQuotaStatus: { 1: f("hard", "map<Quantity>"), 2: f("used", "map<Quantity>") },

  Service: { 1: f("metadata", "ObjectMeta"), 2: f("spec", "ServiceSpec"), 3: f("status", "ServiceStatus") },
  ServiceSpec: {
    1: list("ports", "ServicePort"),
    2: f("selector", "map<string>"),
    3: f("clusterIP", "string"),
    4: f("type", "string"),
    5: list("externalIPs", "string"),
    7: f("sessionAffinity", "string"),
    8: f("loadBalancerIP", "string"),
    9: list("loadBalancerSourceRanges", "string"),
    10: f("externalName", "string"),
    11: f("externalTrafficPolicy", "string"),
    12: f("healthCheckNodePort", "int"),
    13: f("publishNotReadyAddresses", "bool"),
    17: ptr("ipFamilyPolicy", "string"),
    18: list("clusterIPs", "string"),
    19: list("ipFamilies", "string"),
    20: ptr("allocateLoadBalancerNodePorts", "bool"),
    21: ptr("loadBalancerClass", "string"),
    22: ptr("internalTrafficPolicy", "string"),
  },
  ServicePort: { 1: f("name", "string"), 2: f("protocol", "string"), 3: f("port", "int"), 4: f("targetPort", "IntOrString"), 5: f("nodePort", "int"), 6: ptr("appProtocol", "string") },
  ServiceStatus: {},

  Deployment: { 1: f("metadata", "ObjectMeta"), 2: f("spec", "DeploymentSpec"), 3: f("status", "DeploymentStatus") },
  DeploymentSpec: {
    1: ptr("replicas", "int"),
    2: f("selector", "LabelSelector"),
    3: f("template", "PodTemplateSpec"),
    4: f("strategy", "DeploymentStrategy"),
    5: f("minReadySeconds", "int"),
    6: ptr("revisionHistoryLimit", "int"),
    7: f("paused", "bool"),
    9: ptr("progressDeadlineSeconds", "int"),
  },
  DeploymentStrategy: { 1: f("type", "string"), 2: f("rollingUpdate", "RollingUpdateDeployment") },
  RollingUpdateDeployment: { 1: f("maxUnavailable", "IntOrString"), 2: f("maxSurge", "IntOrString") },
  DeploymentStatus: {},
  PodTemplateSpec: { 1: f("metadata", "ObjectMeta"), 2: f("spec", "PodSpec") },
  PodSpec: {
    1: list("volumes", "Volume"),
    2: list("containers", "Container"),
    3: f("restartPolicy", "string"),
    4: ptr("terminationGracePeriodSeconds", "int"),
    5: ptr("activeDeadlineSeconds", "int"),
    6: f("dnsPolicy", "string"),
    7: f("nodeSelector", "map<string>"),
    8: f("serviceAccountName", "string"),
    10: f("nodeName", "string"),
    11: f("hostNetwork", "bool"),
    15: list("imagePullSecrets", "LocalObjectReference"),
    16: f("hostname", "string"),
    17: f("subdomain", "string"),
    19: f("schedulerName", "string"),
    20: list("initContainers", "Container"),
    21: ptr("automountServiceAccountToken", "bool"),
    24: f("priorityClassName", "string"),
    25: ptr("priority", "int"),
    30: ptr("enableServiceLinks", "bool"),
  },
  Volume: { 1: f("name", "string") },
  Container: {
    1: f("name", "string"),
    2: f("image", "string"),
    3: list("command", "string"),
    4: list("args", "string"),
    5: f("workingDir", "string"),
    6: list("ports", "ContainerPort"),
    7: list("env", "EnvVar"),
    8: f("resources", "ResourceRequirements"),
    9: list("volumeMounts", "VolumeMount"),
    13: f("terminationMessagePath", "string"),
    14: f("imagePullPolicy", "string"),
    16: f("stdin", "bool"),
    17: f("stdinOnce", "bool"),
    18: f("tty", "bool"),
    20: f("terminationMessagePolicy", "string"),
  },
  ContainerPort: { 1: f("name", "string"), 2: f("hostPort", "int"), 3: f("containerPort", "int"), 4: f("protocol", "string"), 5: f("hostIP", "string") },
  EnvVar: { 1: f("name", "string"), 2: f("value", "string") },
  ResourceRequirements: { 1: f("limits", "map<Quantity>"), 2: f("requests", "map<Quantity>") },
  VolumeMount: { 1: f("name", "string"), 2: f("readOnly", "bool"), 3: f("mountPath", "string"), 4: f("subPath", "string") },

  Ingress: { 1: f("metadata", "ObjectMeta"), 2: f("spec", "IngressSpec"), 3: f("status", "IngressStatus") },
  IngressSpec: { 1: f("defaultBackend", "IngressBackend"), 2: list("tls", "IngressTLS"), 3: list("rules", "IngressRule"), 4: ptr("ingressClassName", "string") },
  IngressBackend: { 3: f("resource", "TypedLocalObjectReference"), 4: f("service", "IngressServiceBackend") },
  TypedLocalObjectReference: { 1: ptr("apiGroup", "string"), 2: f("kind", "string"), 3: f("name", "string") },
  IngressServiceBackend: { 1: f("name", "string"), 2: f("port", "ServiceBackendPort") },
  ServiceBackendPort: { 1: f("name", "string"), 2: f("number", "int") },
  IngressTLS: { 1: list("hosts", "string"), 2: f("secretName", "string") },
  // IngressRuleValue is inlined in JSON: its `http` field appears on the rule itself.
  IngressRule: { 1: f("host", "string"), 2: f("", "IngressRuleValue") },
  IngressRuleValue: { 1: f("http", "HTTPIngressRuleValue") },
  HTTPIngressRuleValue: { 1: list("paths", "HTTPIngressPath") },
  HTTPIngressPath: { 1: f("path", "string"), 2: f("backend", "IngressBackend"), 3: ptr("pathType", "string") },
  IngressStatus: {},
};

/** Top-level kinds the decoder accepts, by apiVersion/kind. */
export const DECODABLE_KINDS = new Set([
  "v1/Namespace",
  "v1/ConfigMap",
  "v1/Secret",
  "v1/ServiceAccount",
  "v1/ResourceQuota",
  "v1/Service",
  "apps/v1/Deployment",
  "networking.k8s.io/v1/Ingress",
]);
