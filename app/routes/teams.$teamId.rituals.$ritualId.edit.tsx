import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireMember } from "~/utils/auth.server";
import { editorRequest } from "~/services/planning-request.server";
import { RitualEditor } from "~/components/ritual-editor";
import { listStoredMeetings } from "~/models/ritual.server";
import { editorPage, fieldsOfSavedRitual, readRitualForm, ritualSaveReply } from "~/views/ritual-editor.server";
import { saveRitual } from "~/services/rituals.server";
import { keepingTypedText } from "~/utils/form-values.server";
import { notFound } from "~/utils/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · Rituals` : "Rituals" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireMember(request, params.teamId);
  const { locale, t, planning, elsewhere, now } = await editorRequest(request, team.id);
  const saved = fieldsOfSavedRitual(planning, params.ritualId ?? "");
  if (!saved) throw notFound();
  return {
    teamId: team.id,
    ritualId: params.ritualId!,
    title: String(saved.title),
    ...editorPage(request, saved, {
      planning,
      ritualId: params.ritualId,
      storedMeetings: await listStoredMeetings(params.ritualId!),
      elsewhere,
      locale,
      t,
      now,
    }),
  };
}

async function saveForm({ request, params }: ActionFunctionArgs) {
  const { team } = await requireMember(request, params.teamId);
  const { values, form } = await readRitualForm(request);
  return ritualSaveReply(await saveRitual(team.id, params.ritualId ?? "", form), values, request, team.id);
}

/** Saving unavailable: the form comes back as typed. */
export const action = keepingTypedText(saveForm);

export default function EditRitual() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-heading">
        <h1>{t("editor.editTitle", { title: data.title })}</h1>
        <p className="lede">{t("editor.editIntro")}</p>
      </div>
      <RitualEditor
        teamId={data.teamId}
        ritualId={data.ritualId}
        page={data}
        reply={reply}
        submitLabel={t("editor.save")}
      />
    </>
  );
}

/** Errors show inside the team layout, with its navigation still there. */
export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
