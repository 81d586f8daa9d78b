/** An error the V2 protocol answers as `{"error": message}` with this status (400, 404, 413, 503). */
export class V2Error extends Error {
  constructor(
    readonly status: 400 | 404 | 413 | 503,
    message: string,
  ) {
    super(message);
    this.name = "V2Error";
  }
}

export const v2ErrorBody = (error: V2Error) => ({ error: error.message });
