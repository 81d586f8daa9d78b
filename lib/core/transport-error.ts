// Errors of the HTTP envelope itself, raised before any domain code runs.
export class TransportError extends Error {
  constructor(
    readonly status: 400 | 408 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = "TransportError";
  }
}
