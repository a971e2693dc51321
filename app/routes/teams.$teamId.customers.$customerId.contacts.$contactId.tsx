import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireMember } from "~/utils/auth.server";
import { FormError, SubmitButton } from "~/components/form";
import { PersonFields } from "~/components/person-fields";
import { personDefaults, timeZoneDatalist, weekdayOptions } from "~/views/form-options.server";
import { formValues, invalidForm, keepingTypedText, readForm } from "~/utils/form-values.server";
import { i18nServer } from "~/i18n/i18next.server";
import { getContact, getCustomer, updateContact } from "~/models/customer.server";
import { removeContact } from "~/services/members.server";
import { notFound } from "~/utils/responses.server";

async function teamContact(request: Request, params: LoaderFunctionArgs["params"]) {
  const { team } = await requireMember(request, params.teamId);
  const [customer, contact] = await Promise.all([
    getCustomer(team.id, params.customerId ?? ""),
    getContact(team.id, params.customerId ?? "", params.contactId ?? ""),
  ]);
  if (!customer || !contact) throw notFound();
  return { team, customer, contact };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, customer, contact } = await teamContact(request, params);
  return {
    teamId: team.id,
    customer: { id: customer.id, name: customer.name, timeZone: customer.timeZone },
    person: personDefaults(contact),
    zones: timeZoneDatalist(),
    weekdays: weekdayOptions(await i18nServer.getLocale(request)),
  };
}

async function saveForm({ request, params }: ActionFunctionArgs) {
  const { team, customer, contact } = await teamContact(request, params);
  const values = formValues(await readForm(request), ["workDays"]);
  const back = `/teams/${team.id}/customers/${customer.id}`;
  if (values.intent === "remove") {
    await removeContact(team.id, customer.id, contact.id);
    throw redirect(back);
  }
  const updated = await updateContact(team.id, customer.id, contact.id, values);
  if (!updated.ok) return invalidForm(updated.errors, values);
  throw redirect(back);
}

/** Saving unavailable: the form comes back as typed. */
export const action = keepingTypedText(saveForm);

export default function EditContact() {
  const { teamId, customer, person, zones, weekdays } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  const back = `/teams/${teamId}/customers/${customer.id}`;
  return (
    <>
      <section className="panel narrow" aria-labelledby="edit-contact-title">
        <h1 id="edit-contact-title">{t("customers.editContact", { name: person.name, customer: customer.name })}</h1>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="update" />
          <PersonFields
            reply={reply}
            zones={zones}
            weekdays={weekdays}
            defaults={person}
            about="other"
            email="editable"
            zoneHint={t("customers.contactZoneHint", { zone: customer.timeZone })}
          />
          <FormError reply={reply} />
          <div className="actions">
            <SubmitButton>{t("editor.save")}</SubmitButton>
            <Link to={back}>{t("confirm.cancel")}</Link>
          </div>
        </Form>
      </section>
      <section className="panel narrow" aria-labelledby="remove-contact-title">
        <h2 id="remove-contact-title">{t("customers.removeContactTitle")}</h2>
        <details>
          <summary>{t("customers.removeContact", { name: person.name })}</summary>
          <p>{t("customers.removeContactBody")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="remove" />
            <SubmitButton className="button danger">{t("customers.confirmRemoveContact")}</SubmitButton>
          </Form>
        </details>
      </section>
    </>
  );
}

/** Errors show inside the team layout, with its navigation still there. */
export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
