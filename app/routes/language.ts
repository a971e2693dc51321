import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLanguage } from "~/domain/languages";
import { languageCookie } from "~/i18n/i18next.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { readForm } from "~/utils/form-values.server";

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const language = form.get("lng");
  const to = safeRedirect(form.get("redirectTo"));
  if (!isLanguage(language)) return redirect(to);
  return redirect(to, { headers: { "Set-Cookie": await languageCookie.serialize(language) } });
}

export function loader() {
  return redirect("/");
}
