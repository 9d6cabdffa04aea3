// What a form's server action returns to it (useActionState). Shared by server and client.
export type FormState = {
  status: "idle" | "success" | "error";
  /** Translated: what happened, or why nothing was saved. */
  message?: string;
  /** Translated, per field name. */
  fieldErrors?: Record<string, string>;
  /** What the user typed, given back on a refusal so that nothing they wrote is lost. */
  values?: Record<string, string>;
  /** Data a successful action shows once (e.g. a one-time link). */
  data?: Record<string, string>;
  /** Changes on every response, so a repeated message is announced again. */
  at?: number;
};

export const IDLE: FormState = { status: "idle" };
