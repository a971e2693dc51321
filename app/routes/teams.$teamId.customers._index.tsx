import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireMember } from "~/utils/auth.server";
import { CustomerFields } from "~/components/customer-fields";
import { FormError, SubmitButton } from "~/components/form";
import { timeZoneDatalist } from "~/views/form-options.server";
import { holidayCountries } from "~/domain/holidays";
import { formValues, invalidForm, keepingTypedText, readForm } from "~/utils/form-values.server";
import { loadTeamPlanning } from "~/models/planning.server";
import { createCustomer } from "~/models/customer.server";

export const meta: MetaFunction = () => [{ title: "Customers · Rituals" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireMember(request, params.teamId);
  const { customers } = await loadTeamPlanning(team.id);
  return {
    teamId: team.id,
    teamZone: team.timeZone,
    customers,
    zones: timeZoneDatalist(),
    regions: holidayCountries(),
  };
}

async function saveForm({ request, params }: ActionFunctionArgs) {
  const { team } = await requireMember(request, params.teamId);
  const values = formValues(await readForm(request));
  const created = await createCustomer(team.id, values);
  if (!created.ok) return invalidForm(created.errors, values);
  throw redirect(`/teams/${team.id}/customers/${created.value.id}`);
}

/** Saving unavailable: the form comes back as typed. */
export const action = keepingTypedText(saveForm);

export default function Customers() {
  const { teamId, teamZone, customers, zones, regions } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-heading">
        <h1>{t("customers.title")}</h1>
        <p className="lede">{t("customers.intro")}</p>
      </div>
      {customers.length === 0 ? (
        <section className="panel empty-state">
          <h2>{t("customers.emptyTitle")}</h2>
          <p>{t("customers.emptyBody")}</p>
        </section>
      ) : (
        <ul className="ritual-list" aria-label={t("customers.title")}>
          {customers.map((customer) => (
            <li key={customer.id} className="ritual-card kind-tea-time" data-testid="customer">
              <h2 className="ritual-title">
                <Link to={`/teams/${teamId}/customers/${customer.id}`}>{customer.name}</Link>
              </h2>
              <p className="zone">{customer.timeZone}</p>
              <p>{t("customers.contactCount", { count: customer.contacts.length })}</p>
              {customer.contacts.length > 0 ? (
                <p className="muted">{customer.contacts.map((contact) => contact.name).join(", ")}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <section className="panel narrow" aria-labelledby="add-customer-title">
        <h2 id="add-customer-title">{t("customers.addTitle")}</h2>
        <Form method="post" noValidate>
          <CustomerFields
            reply={reply}
            zones={zones}
            regions={regions}
            defaults={{ name: "", timeZone: teamZone, language: "en", etiquetteNote: "" }}
          />
          <FormError reply={reply} />
          <SubmitButton>{t("customers.add")}</SubmitButton>
        </Form>
      </section>
    </>
  );
}

/** Errors show inside the team layout, with its navigation still there. */
export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
