import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { readForm } from "~/utils/form-values.server";
import { endUserSession } from "~/utils/session.server";

/** Signs this browser out; with "everywhere", every browser the user is signed in on. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  return endUserSession(request, { everywhere: form.get("everywhere") === "yes" });
}

export function loader() {
  return redirect("/");
}
