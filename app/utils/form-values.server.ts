import { data } from "@remix-run/node";
import type { FieldErrors } from "~/domain/validation";

const NEVER_ECHOED = new Set(["password", "currentPassword", "newPassword"]);

/** The posted form; a body that cannot be read as one (cut off, malformed multipart) is a 400, not a crash. */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response("The form could not be read. Please send it again from the page.", { status: 400 });
  }
}

/** A form's fields (posted, or in a query string) as a plain object; fields in `lists` keep every value (checkbox groups). */
export function formValues(
  form: FormData | URLSearchParams,
  lists: readonly string[] = [],
): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((value): value is string => typeof value === "string");
    values[key] = lists.includes(key) ? all : (all[0] ?? "");
  }
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
      const lists = [...new Set(form.keys())].filter((key) => form.getAll(key).length > 1);
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
