/** What became of one OTLP request's items. */
export interface IngestResult {
  accepted: number;
  rejected: number;
  /** Why items were rejected, for partial_success.error_message. */
  message: string;
}
