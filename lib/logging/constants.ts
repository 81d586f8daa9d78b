// Names of the Logging Operator's API as Facet uses it (PROTOCOLS §4).
export const LOGGING_GROUP = "logging.banzaicloud.io";
export const LOGGING_VERSION = "v1beta1";
export const LOGGING_API_VERSION = `${LOGGING_GROUP}/${LOGGING_VERSION}`;
/** Where ClusterFlows and ClusterOutputs live. */
export const CONTROL_NAMESPACE = "facet-logging";

export const LOGGING_KINDS = ["Flow", "Output", "ClusterFlow", "ClusterOutput"] as const;
export type LoggingKind = (typeof LOGGING_KINDS)[number];
export const ENVIRONMENT_KINDS: readonly LoggingKind[] = ["Flow", "Output"];
export const CLUSTER_KINDS: readonly LoggingKind[] = ["ClusterFlow", "ClusterOutput"];

export const PLURALS: Record<LoggingKind, string> = {
  Flow: "flows",
  Output: "outputs",
  ClusterFlow: "clusterflows",
  ClusterOutput: "clusteroutputs",
};

export const isFlowKind = (kind: LoggingKind) => kind === "Flow" || kind === "ClusterFlow";

/** Labels that name a pod's application, in the order the form offers them. */
export const APPLICATION_LABEL_KEYS = ["app", "app.kubernetes.io/name", "facet.dev/application"] as const;

/** The Flow the one-click switch owns; it never counts as an application Flow. */
export const COLLECT_ALL_FLOW = "default";
/** The cluster's default output: a Loki push to this Facet. */
export const FACET_CLUSTER_OUTPUT = "facet";
export const FLOW_LINES_METRIC = "facet_logging_flow_lines_total";

/** Marks objects Facet made from a form, and the output type a form chose. */
export const MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
export const OUTPUT_TYPE_ANNOTATION = "facet.dev/output-type";
export const secretNameFor = (output: string) => `${output}-facet-output`;

/** Largest YAML document accepted (bytes); larger bodies already stop at the 1 MiB body limit. */
export const MAX_YAML_BYTES = 1024 * 1024;
/** Aliases one document may expand: enough for hand-written anchors, far from a "billion laughs". */
export const MAX_ALIAS_COUNT = 50;
/** Errors reported for one document at most. */
export const MAX_ERRORS = 50;
