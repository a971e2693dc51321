import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endUserSession } from "~/session.server";

export async function action({ request }: ActionFunctionArgs) {
  return endUserSession(request);
}

export function loader() {
  return redirect("/");
}
