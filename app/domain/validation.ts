import { z } from "zod";

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

/**
 * An object schema whose checks across fields (end after start, a rule's
 * parts that go together) run even when another field is wrong, so a form
 * shows every problem at once. `check` sees each field that is valid by
 * itself, undefined for the others, and which ones those are.
 */
export function withCrossChecks<Shape extends z.ZodRawShape>(
  shape: Shape,
  check: (
    value: Partial<z.output<z.ZodObject<Shape>>>,
    ctx: z.RefinementCtx,
    invalid: ReadonlySet<keyof Shape>,
  ) => void,
) {
  // A field that fails is marked here; its own error comes from the strict schema.
  const lenient = Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [key, (field as z.ZodTypeAny).catch(INVALID)]),
  ) as z.ZodRawShape;
  const crossChecks = z
    .object(lenient)
    .superRefine((value, ctx) => {
      const invalid = new Set(Object.keys(value).filter((key) => value[key] === INVALID));
      const valid = Object.fromEntries(Object.entries(value).filter(([key]) => !invalid.has(key)));
      check(valid as Partial<z.output<z.ZodObject<Shape>>>, ctx, invalid as Set<keyof Shape>);
    })
    // Its value is the strict schema's: nothing to merge.
    .transform(() => ({}));
  return z.object(shape).and(crossChecks);
}

const INVALID = Symbol("invalid");
