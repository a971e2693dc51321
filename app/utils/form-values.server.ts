import { data } from "@remix-run/node";
import type { FieldErrors } from "~/domain/validation";

const NEVER_ECHOED = new Set(["password", "currentPassword", "newPassword"]);

/** The editor's largest form (a big team's people, roles and turns) has a few hundred. */
const MAX_FIELDS = 2000;

/** The posted form; a body that cannot be read as one (cut off, malformed multipart) is a 400, not a crash. */
export async function readForm(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response("The form could not be read.", { status: 400 });
  }
  if (Array.from(form.keys()).length > MAX_FIELDS) {
    throw new Response("This form has more fields than any page here sends.", { status: 413 });
  }
  return form;
}

/** Every field's values in order, in one pass: asking for each field's values in turn grows with the square of their number. */
function valuesByField(form: FormData | URLSearchParams): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const [key, value] of form.entries()) {
    const values = fields.get(key) ?? [];
    if (typeof value === "string") values.push(value);
    fields.set(key, values);
  }
  return fields;
}

/** A form's fields (posted, or in a query string) as a plain object; fields in `lists` keep every value (checkbox groups). */
export function formValues(
  form: FormData | URLSearchParams,
  lists: readonly string[] = [],
): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, all] of valuesByField(form)) values[key] = lists.includes(key) ? all : (all[0] ?? "");
  for (const list of lists) values[list] ??= [];
  return values;
}

/**
 * An action that, when saving is unavailable (the database answers 503),
 * sends the form back as it was typed with the reason beside it, instead of
 * an error page: nothing typed is lost, with or without JavaScript.
 */
export function keepingTypedText<Args extends { request: Request }, Result>(action: (args: Args) => Promise<Result>) {
  return async (args: Args) => {
    const copy = args.request.clone();
    try {
      return await action(args);
    } catch (error) {
      if (!(error instanceof Response) || error.status !== 503) throw error;
      const form = await copy.formData().catch(() => new FormData());
      const lists = [...valuesByField(form)].filter(([, values]) => values.length > 1).map(([key]) => key);
      return invalidForm({ form: "errors.unavailableBody" }, formValues(form, lists), { status: 503 });
    }
  };
}

/**
 * A 400 (or `status`) with the errors and what was typed, minus passwords, so
 * the form can be shown again as it was. `details` fill in the form-wide message.
 */
export function invalidForm(
  errors: FieldErrors,
  values: Record<string, string | string[]>,
  { status = 400, details }: { status?: number; details?: Record<string, string | number> } = {},
) {
  const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !NEVER_ECHOED.has(key)));
  return data({ errors, values: kept, details }, { status });
}

/** A form a throttle turned away: the message with the minutes to wait, and what was typed. */
export function throttledForm(message: string, values: Record<string, string | string[]>, waitSeconds: number) {
  return invalidForm({ form: message }, values, { status: 429, details: { count: Math.ceil(waitSeconds / 60) } });
}
