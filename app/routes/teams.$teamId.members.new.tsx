import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOwner } from "~/utils/auth.server";
import { FormError, SubmitButton } from "~/components/form";
import { PersonFields } from "~/components/person-fields";
import { timeZoneDatalist, weekdayOptions } from "~/views/form-options.server";
import { formValues, invalidForm, keepingTypedText, readForm } from "~/utils/form-values.server";
import { i18nServer } from "~/i18n/i18next.server";
import { createMember } from "~/models/member.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireOwner(request, params.teamId);
  return {
    teamId: team.id,
    teamZone: team.timeZone,
    zones: timeZoneDatalist(),
    weekdays: weekdayOptions(await i18nServer.getLocale(request)),
  };
}

/** Owners list someone by email before they sign up; an invite or sign-up with that email links them. */
async function saveForm({ request, params }: ActionFunctionArgs) {
  const { team } = await requireOwner(request, params.teamId);
  const values = formValues(await readForm(request), ["workDays"]);
  const created = await createMember(team.id, values);
  if (!created.ok) return invalidForm(created.errors, values);
  throw redirect(`/teams/${team.id}/members`);
}

/** Saving unavailable: the form comes back as typed. */
export const action = keepingTypedText(saveForm);

export default function NewMember() {
  const { teamId, teamZone, zones, weekdays } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="panel narrow" aria-labelledby="new-member-title">
      <h1 id="new-member-title">{t("members.addTitle")}</h1>
      <p className="muted">{t("members.addIntro")}</p>
      <Form method="post" noValidate>
        <PersonFields
          reply={reply}
          zones={zones}
          weekdays={weekdays}
          defaults={{ name: "", timeZone: teamZone }}
          about="other"
          email="editable"
        />
        <FormError reply={reply} />
        <div className="actions">
          <SubmitButton>{t("members.add")}</SubmitButton>
          <Link to={`/teams/${teamId}/members`}>{t("confirm.cancel")}</Link>
        </div>
      </Form>
    </section>
  );
}

/** Errors show inside the team layout, with its navigation still there. */
export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
