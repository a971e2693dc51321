import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireMember } from "~/auth.server";
import { RitualEditor } from "~/components/ritual-editor";
import { i18nServer } from "~/i18next.server";
import { loadTeamPlanning } from "~/models/planning.server";
import { getRitualTitle } from "~/models/ritual.server";
import {
  editorOptions,
  fieldsFromAddress,
  fieldsOfSavedRitual,
  planRitual,
  saveRitualForm,
} from "~/ritual-editor.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · Rituals` : "Rituals" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireMember(request, params.teamId);
  const [locale, t, planning] = await Promise.all([
    i18nServer.getLocale(request),
    i18nServer.getFixedT(request),
    loadTeamPlanning(team.id),
  ]);
  const saved = fieldsOfSavedRitual(planning, params.ritualId ?? "");
  if (!saved) throw new Response("Not found", { status: 404 });
  const given = fieldsFromAddress(request);
  const fields = given ?? saved;
  const plan = planRitual(fields, { planning, ritualId: params.ritualId, locale, t, now: Date.now() });
  return {
    teamId: team.id,
    ritualId: params.ritualId!,
    title: String(saved.title),
    fields,
    errors: given ? plan.errors : {},
    plan,
    options: editorOptions(planning, locale, t),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { team } = await requireMember(request, params.teamId);
  if (!(await getRitualTitle(team.id, params.ritualId ?? ""))) throw new Response("Not found", { status: 404 });
  return saveRitualForm(request, team.id, params.ritualId);
}

export default function EditRitual() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const location = useLocation();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-heading">
        <h1>{t("editor.editTitle", { title: data.title })}</h1>
        <p className="lede">{t("editor.editIntro")}</p>
      </div>
      <RitualEditor
        key={location.search}
        teamId={data.teamId}
        ritualId={data.ritualId}
        fields={reply?.values ?? data.fields}
        errors={reply?.errors ?? data.errors}
        plan={data.plan}
        options={data.options}
        submitLabel={t("editor.save")}
      />
    </>
  );
}

/** Errors show inside the team layout, with its navigation still there. */
export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
