import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireMember, requireOwner } from "~/utils/auth.server";
import { CustomerFields } from "~/components/customer-fields";
import { FormError, SubmitButton } from "~/components/form";
import { minutesToClock } from "~/domain/clock";
import { timeZoneDatalist } from "~/views/form-options.server";
import { holidayCountries } from "~/domain/holidays";
import { formValues, invalidForm, keepingTypedText, readForm } from "~/utils/form-values.server";
import { loadTeamPlanning } from "~/models/planning.server";
import { deleteCustomer, getCustomer, updateCustomer } from "~/models/customer.server";
import { notFound } from "~/utils/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.customer.name} · Rituals` : "Rituals" },
];

async function teamCustomer(request: Request, params: LoaderFunctionArgs["params"]) {
  const membership = await requireMember(request, params.teamId);
  const customer = await getCustomer(membership.team.id, params.customerId ?? "");
  if (!customer) throw notFound();
  return { ...membership, customer };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, member } = await requireMember(request, params.teamId);
  const planning = await loadTeamPlanning(team.id);
  const found = planning.customers.find((c) => c.id === params.customerId);
  if (!found) throw notFound();
  const { contacts, ...customer } = found;
  return {
    teamId: team.id,
    isOwner: member.role === "owner",
    customer,
    contacts: contacts.map((contact) => ({
      ...contact,
      hours: `${minutesToClock(contact.workStartMinutes)}–${minutesToClock(contact.workEndMinutes)}`,
    })),
    rituals: planning.rituals
      .filter((ritual) => ritual.customerId === customer.id)
      .map(({ id, ritual }) => ({ id, title: ritual.title })),
    zones: timeZoneDatalist(),
    regions: holidayCountries(),
  };
}

async function saveForm({ request, params }: ActionFunctionArgs) {
  const { team, customer } = await teamCustomer(request, params);
  const values = formValues(await readForm(request));
  if (values.intent === "remove") {
    await requireOwner(request, params.teamId);
    const removed = await deleteCustomer(team.id, customer.id);
    if (!removed.ok) return invalidForm(removed.errors, values);
    throw redirect(`/teams/${team.id}/customers`);
  }
  const updated = await updateCustomer(team.id, customer.id, values);
  if (!updated.ok) return invalidForm(updated.errors, values);
  throw redirect(`/teams/${team.id}/customers/${customer.id}`);
}

/** Saving unavailable: the form comes back as typed. */
export const action = keepingTypedText(saveForm);

export default function CustomerPage() {
  const { teamId, isOwner, customer, contacts, rituals, zones, regions } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  const base = `/teams/${teamId}/customers/${customer.id}`;
  const removing = reply?.values.intent === "remove" ? reply : undefined;
  return (
    <>
      <div className="page-heading">
        <p className="muted">
          <Link to={`/teams/${teamId}/customers`}>← {t("customers.title")}</Link>
        </p>
        <h1>{customer.name}</h1>
      </div>
      <section className="panel" aria-labelledby="contacts-title">
        <div className="page-heading with-action">
          <h2 id="contacts-title">{t("customers.contactsTitle")}</h2>
          <Link className="button secondary" to={`${base}/contacts/new`}>
            {t("customers.addContact")}
          </Link>
        </div>
        {contacts.length === 0 ? (
          <p className="muted">{t("customers.noContacts")}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t("customers.contactsTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("members.name")}</th>
                  <th scope="col">{t("members.timeZone")}</th>
                  <th scope="col">{t("members.hours")}</th>
                  <th scope="col">{t("members.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {contacts.map((contact) => (
                  <tr key={contact.id} data-testid="contact">
                    <td>
                      <strong>{contact.name}</strong>
                      <br />
                      <span className="muted">{contact.email}</span>
                    </td>
                    <td>{contact.timeZone}</td>
                    <td>{contact.hours}</td>
                    <td>
                      <Link to={`${base}/contacts/${contact.id}`}>
                        {t("members.edit")}
                        <span className="visually-hidden">: {contact.name}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="customer-details-title">
        <h2 id="customer-details-title">{t("customers.detailsTitle")}</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="update" />
          <CustomerFields reply={removing ? undefined : reply} zones={zones} regions={regions} defaults={customer} />
          <SubmitButton>{t("editor.save")}</SubmitButton>
        </Form>
      </section>
      {rituals.length > 0 ? (
        <section className="panel" aria-labelledby="customer-rituals-title">
          <h2 id="customer-rituals-title">{t("customers.ritualsTitle")}</h2>
          <ul className="plain-list">
            {rituals.map((ritual) => (
              <li key={ritual.id}>
                <Link to={`/teams/${teamId}/rituals/${ritual.id}`}>{ritual.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {isOwner ? (
        <section className="panel" aria-labelledby="remove-customer-title">
          <h2 id="remove-customer-title">{t("customers.removeTitle")}</h2>
          <details open={removing !== undefined}>
            <summary>{t("customers.remove", { name: customer.name })}</summary>
            <p>{t("customers.removeBody")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="remove" />
              <FormError reply={removing} />
              <SubmitButton className="button danger">{t("customers.confirmRemove")}</SubmitButton>
            </Form>
          </details>
        </section>
      ) : null}
    </>
  );
}

/** Errors show inside the team layout, with its navigation still there. */
export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
