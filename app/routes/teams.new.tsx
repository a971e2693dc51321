import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/utils/auth.server";
import { Field, FormError, SubmitButton, textValue } from "~/components/form";
import { PersonFields, TimeZoneField } from "~/components/person-fields";
import { timeZoneDatalist, weekdayOptions } from "~/views/form-options.server";
import { formValues, invalidForm, keepingTypedText, readForm } from "~/utils/form-values.server";
import { i18nServer } from "~/i18n/i18next.server";
import { createTeamWithOwner } from "~/models/team.server";

export const meta: MetaFunction = () => [{ title: "New team · Rituals" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    user: { name: user.name },
    zones: timeZoneDatalist(),
    weekdays: weekdayOptions(await i18nServer.getLocale(request)),
  };
}

async function saveForm({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = formValues(await readForm(request), ["workDays"]);
  const created = await createTeamWithOwner(user, values);
  if (!created.ok) return invalidForm(created.errors, values);
  throw redirect(`/teams/${created.value.id}`);
}

/** Saving unavailable: the form comes back as typed. */
export const action = keepingTypedText(saveForm);

export default function NewTeam() {
  const { user, zones, weekdays } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = reply?.errors ?? {};
  return (
    <section className="panel narrow" aria-labelledby="new-team-title">
      <h1 id="new-team-title">{t("teams.newTitle")}</h1>
      <p className="muted">{t("teams.newIntro")}</p>
      <Form method="post" noValidate>
        <Field
          label={t("teams.teamName")}
          name="teamName"
          defaultValue={textValue(reply, "teamName")}
          error={errors.teamName}
          required
        />
        <TimeZoneField
          name="teamTimeZone"
          label={t("teams.teamTimeZone")}
          zones={zones}
          defaultValue={textValue(reply, "teamTimeZone")}
          error={errors.teamTimeZone}
          prefillFromBrowser={!reply}
        />
        <h2 className="form-section">{t("teams.aboutYou")}</h2>
        <PersonFields reply={reply} zones={zones} weekdays={weekdays} defaults={{ name: user.name, timeZone: "" }} />
        <FormError reply={reply} />
        <SubmitButton>{t("teams.create")}</SubmitButton>
      </Form>
    </section>
  );
}
