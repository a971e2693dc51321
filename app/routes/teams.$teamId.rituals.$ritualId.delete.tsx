import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOwner } from "~/utils/auth.server";
import { SubmitButton } from "~/components/form";
import { getRitualTitle } from "~/models/ritual.server";
import { deleteRitual } from "~/services/rituals.server";
import { notFound } from "~/utils/responses.server";

/** A page of its own to confirm, so deleting works the same with and without JavaScript. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireOwner(request, params.teamId);
  const title = await getRitualTitle(team.id, params.ritualId ?? "");
  if (title === null) throw notFound();
  return { teamId: team.id, title };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { team } = await requireOwner(request, params.teamId);
  if (!(await deleteRitual(team.id, params.ritualId ?? ""))) throw notFound();
  throw redirect(`/teams/${team.id}`);
}

export default function DeleteRitual() {
  const { teamId, title } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section className="panel narrow" aria-labelledby="delete-title">
      <h1 id="delete-title">{t("confirm.deleteRitualTitle", { title })}</h1>
      <p>{t("confirm.deleteRitualBody")}</p>
      <Form method="post" className="actions">
        <SubmitButton className="button danger">{t("confirm.deleteRitual")}</SubmitButton>
        <Link to={`/teams/${teamId}`} className="button secondary">
          {t("confirm.cancel")}
        </Link>
      </Form>
    </section>
  );
}
