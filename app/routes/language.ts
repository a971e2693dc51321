import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isSupportedLanguage } from "~/i18n";
import { languageCookie } from "~/i18next.server";

/** Only paths on this site, so the switcher cannot be used to send people elsewhere. */
function safeRedirect(to: FormDataEntryValue | null): string {
  return typeof to === "string" && to.startsWith("/") && !to.startsWith("//") ? to : "/";
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const language = form.get("lng");
  const to = safeRedirect(form.get("redirectTo"));
  if (!isSupportedLanguage(language)) return redirect(to);
  return redirect(to, { headers: { "Set-Cookie": await languageCookie.serialize(language) } });
}

export function loader() {
  return redirect("/");
}
