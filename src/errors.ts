/**
 * Every error Warden raises carries a stable code (WARDEN_<ROOM>_<WHAT>), declared once in its room's
 * `errors.ts` through `defineError`, so an operator can grep a code and find the one place it comes
 * from, and tests assert on codes rather than message text.
 */
export class WardenError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: string, message: string, status: number, details?: unknown, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WardenError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export interface ErrorFactory<A extends unknown[]> {
  readonly code: string;
  (...args: A): WardenError;
  is(err: unknown): err is WardenError;
  /** The message alone, without making an Error (no stack captured): for codes written into reports by the thousand. */
  messageOf(...args: A): string;
}

const registry = new Map<string, { status: number }>();

/** Declares an error code once; a second declaration of the same code is a programming error. */
export function defineError<A extends unknown[]>(
  code: string,
  status: number,
  message: (...args: A) => string,
): ErrorFactory<A> {
  if (registry.has(code)) throw new Error(`error code ${code} declared twice`);
  registry.set(code, { status });
  const make = ((...args: A) => new WardenError(code, message(...args), status)) as ErrorFactory<A>;
  Object.defineProperty(make, 'code', { value: code });
  make.is = (err: unknown): err is WardenError => err instanceof WardenError && err.code === code;
  make.messageOf = message;
  return make;
}

export function declaredErrorCodes(): string[] {
  return [...registry.keys()].sort();
}
