/** What the sign-in action answers the form: null while nothing failed, else why (never which part was wrong). */
export type SignInState = {
  ok: false;
  code: 'validation_failed' | 'invalid_credentials' | 'throttled' | 'unavailable';
  message: string;
  retryAfterSeconds?: number;
  /** An unexpected failure: the id of its log line. */
  requestId?: string;
  fieldErrors?: { email?: string; password?: string };
} | null;
