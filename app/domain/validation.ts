import type { z } from "zod";

/**
 * Validation problems keyed by field name. Each message is a key in the
 * "validation" section of the catalogs, so every language can say it.
 */
export type FieldErrors = Record<string, string>;

export type Validated<T> = { success: true; data: T } | { success: false; errors: FieldErrors };

/** The first problem of each field, as catalog keys. */
function toFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    errors[field] ??= issue.message.startsWith("validation.") ? issue.message : "validation.invalid";
  }
  return errors;
}

export function validate<S extends z.ZodTypeAny>(schema: S, input: unknown): Validated<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { success: true, data: result.data }
    : { success: false, errors: toFieldErrors(result.error) };
}

/** What a write returns: the saved value, or field errors to show beside the form. */
export type WriteResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };
