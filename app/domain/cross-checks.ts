import { z } from "zod";

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
