import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLanguage } from "~/domain/languages";
import { languageCookie } from "~/i18n/i18next.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { readForm } from "~/utils/form-values.server";
import { getCurrentUser } from "~/utils/auth.server";
import { setUserLanguage } from "~/models/user.server";

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const language = form.get("lng");
  const to = safeRedirect(form.get("redirectTo"));
  if (!isLanguage(language)) return redirect(to);
  // Signed in, the choice is theirs everywhere: the mail the app sends them is written in it too.
  const user = await getCurrentUser(request);
  if (user) await setUserLanguage(user.id, language);
  return redirect(to, { headers: { "Set-Cookie": await languageCookie.serialize(language) } });
}

export function loader() {
  return redirect("/");
}
