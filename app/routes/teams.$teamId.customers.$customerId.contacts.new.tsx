import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireMember } from "~/utils/auth.server";
import { FormError, SubmitButton } from "~/components/form";
import { PersonFields } from "~/components/person-fields";
import { timeZoneDatalist, weekdayOptions } from "~/views/form-options.server";
import { formValues, invalidForm, keepingTypedText, readForm } from "~/utils/form-values.server";
import { i18nServer } from "~/i18n/i18next.server";
import { createContact, getCustomer } from "~/models/customer.server";
import { notFound } from "~/utils/responses.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireMember(request, params.teamId);
  const customer = await getCustomer(team.id, params.customerId ?? "");
  if (!customer) throw notFound();
  return {
    teamId: team.id,
    customer: { id: customer.id, name: customer.name, timeZone: customer.timeZone },
    zones: timeZoneDatalist(),
    weekdays: weekdayOptions(await i18nServer.getLocale(request)),
  };
}

async function saveForm({ request, params }: ActionFunctionArgs) {
  const { team } = await requireMember(request, params.teamId);
  const values = formValues(await readForm(request), ["workDays"]);
  const created = await createContact(team.id, params.customerId ?? "", values);
  if (!created.ok) {
    if (created.errors.customerId) throw notFound();
    return invalidForm(created.errors, values);
  }
  throw redirect(`/teams/${team.id}/customers/${params.customerId}`);
}

/** Saving unavailable: the form comes back as typed. */
export const action = keepingTypedText(saveForm);

export default function NewContact() {
  const { teamId, customer, zones, weekdays } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="panel narrow" aria-labelledby="new-contact-title">
      <h1 id="new-contact-title">{t("customers.addContactTo", { customer: customer.name })}</h1>
      <Form method="post" noValidate>
        <PersonFields
          reply={reply}
          zones={zones}
          weekdays={weekdays}
          defaults={{ name: "", timeZone: "" }}
          about="other"
          email="editable"
          zoneHint={t("customers.contactZoneHint", { zone: customer.timeZone })}
        />
        <FormError reply={reply} />
        <div className="actions">
          <SubmitButton>{t("customers.addContact")}</SubmitButton>
          <Link to={`/teams/${teamId}/customers/${customer.id}`}>{t("confirm.cancel")}</Link>
        </div>
      </Form>
    </section>
  );
}

/** Errors show inside the team layout, with its navigation still there. */
export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
