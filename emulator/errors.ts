// An error a service answers on the wire. Every protocol writes it in its own error shape.

type ErrorType = 'Sender' | 'Receiver';

export class AwsError extends Error {
  readonly type: ErrorType;
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    type?: ErrorType,
  ) {
    super(message);
    this.name = 'AwsError';
    this.type = type ?? (status >= 500 ? 'Receiver' : 'Sender');
  }
}

/** A server fault with no cause to give: AWS's 500 "unknown error" (under `code`, by default InternalFailure). */
export const internalFailure = (code = 'InternalFailure') => new AwsError(code, 'The request processing has failed because of an unknown error.', 500);
