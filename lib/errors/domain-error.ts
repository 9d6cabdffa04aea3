// docs/conventions.md#services-and-errors: services throw one typed error whose code the interface translates
// ("errors.<code>"), or a more precise message key when the rule has its own wording.
export type DomainErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID_INPUT" | "CONFLICT" | "RATE_LIMITED";

/** A message key: "ns.key" in the catalogs, or a bare key of the "validation" namespace, optionally ":limit". */
export type MessageKey = string;

export type DomainErrorOptions = {
  /** The rule's own message, e.g. "adminHearing.chairIsStaff". */
  messageKey?: MessageKey;
  values?: Record<string, string | number>;
  /** Per input field, a message key (see lib/validation/zod.ts). */
  fieldErrors?: Record<string, MessageKey>;
  /** RATE_LIMITED: when to try again, for the `Retry-After` header. */
  retryAfterSeconds?: number;
};

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly messageKey?: MessageKey;
  readonly values?: Record<string, string | number>;
  readonly fieldErrors?: Record<string, MessageKey>;
  readonly retryAfterSeconds?: number;

  constructor(code: DomainErrorCode, options: DomainErrorOptions = {}) {
    super(options.messageKey ? `${code}: ${options.messageKey}` : code);
    this.name = "DomainError";
    this.code = code;
    this.messageKey = options.messageKey;
    this.values = options.values;
    this.fieldErrors = options.fieldErrors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
