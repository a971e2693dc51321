import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOwner } from "~/utils/auth.server";
import { FormError, SubmitButton } from "~/components/form";
import { invalidForm } from "~/utils/form-values.server";
import { getMember } from "~/models/member.server";
import { ritualsWith } from "~/models/ritual.server";
import { removeMember } from "~/services/members.server";
import { notFound } from "~/utils/responses.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireOwner(request, params.teamId);
  const member = await getMember(team.id, params.memberId ?? "");
  if (!member) throw notFound();
  // removeMember mails them the cancellation of each of these.
  const rituals = member.emailsOff ? [] : (await ritualsWith(member.id)).map((ritual) => ritual.title);
  return { teamId: team.id, name: member.name, rituals };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { team } = await requireOwner(request, params.teamId);
  const removed = await removeMember(team.id, params.memberId ?? "");
  if (!removed.ok) {
    if (removed.errors.form === "validation.memberUnknown") throw notFound();
    return invalidForm(removed.errors, {});
  }
  throw redirect(`/teams/${team.id}/members`);
}

export default function RemoveMember() {
  const { teamId, name, rituals } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  return (
    <section className="panel narrow" aria-labelledby="remove-title">
      <h1 id="remove-title">{t("confirm.removeMemberTitle", { name })}</h1>
      <p>{t("confirm.removeMemberBody")}</p>
      {rituals.length > 0 && (
        <p data-testid="told">
          {t("confirm.removeMemberTold", { name, rituals: new Intl.ListFormat(i18n.language).format(rituals) })}
        </p>
      )}
      <Form method="post">
        <FormError reply={reply} />
        <div className="actions">
          <SubmitButton className="button danger">{t("confirm.removeMember")}</SubmitButton>
          <Link to={`/teams/${teamId}/members`} className="button secondary">
            {t("confirm.cancel")}
          </Link>
        </div>
      </Form>
    </section>
  );
}
