import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOwner } from "~/utils/auth.server";
import { SubmitButton } from "~/components/form";
import { loadRitualRecord } from "~/models/ritual-record.server";
import { deleteRitual } from "~/services/rituals.server";
import { notFound } from "~/utils/responses.server";

/** A page of its own to confirm, so deleting works the same with and without JavaScript. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireOwner(request, params.teamId);
  const record = await loadRitualRecord(team.id, params.ritualId ?? "");
  if (!record) throw notFound();
  // Whoever the series' mail reaches is sent its cancellation (deleteRitual).
  const told = [
    ...record.attendees.filter((attendee) => !attendee.emailsOff).map((attendee) => attendee.name),
    ...record.contacts.map((contact) => `${contact.name} (${record.ritual.customer?.name ?? ""})`),
  ];
  return { teamId: team.id, title: record.ritual.title, told };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { team } = await requireOwner(request, params.teamId);
  if (!(await deleteRitual(team.id, params.ritualId ?? ""))) throw notFound();
  throw redirect(`/teams/${team.id}`);
}

export default function DeleteRitual() {
  const { teamId, title, told } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  return (
    <section className="panel narrow" aria-labelledby="delete-title">
      <h1 id="delete-title">{t("confirm.deleteRitualTitle", { title })}</h1>
      <p>{t("confirm.deleteRitualBody")}</p>
      <p data-testid="told">
        {told.length > 0
          ? t("confirm.deleteRitualTold", { names: new Intl.ListFormat(i18n.language).format(told) })
          : t("confirm.deleteRitualToldNobody")}
      </p>
      <Form method="post" className="actions">
        <SubmitButton className="button danger">{t("confirm.deleteRitual")}</SubmitButton>
        <Link to={`/teams/${teamId}`} className="button secondary">
          {t("confirm.cancel")}
        </Link>
      </Form>
    </section>
  );
}
