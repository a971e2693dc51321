import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireMember } from "~/utils/auth.server";
import { editorRequest } from "~/services/planning-request.server";
import { RitualEditor } from "~/components/ritual-editor";
import { fieldsForNewRitual, ritualKindOf } from "~/domain/ritual-form";
import { RITUAL_KINDS } from "~/domain/ritual-kinds";
import { localToday } from "~/domain/local-dates";
import { editorPage, readRitualForm, ritualSaveReply } from "~/views/ritual-editor.server";
import { saveRitual } from "~/services/rituals.server";
import { keepingTypedText } from "~/utils/form-values.server";

export const meta: MetaFunction = () => [{ title: "New ritual · Rituals" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, member } = await requireMember(request, params.teamId);
  const kind = new URL(request.url).searchParams.get("kind");
  if (!kind) return { teamId: team.id, choosing: true as const };
  const { locale, t, planning, elsewhere, now } = await editorRequest(request, team.id);
  const customer = planning.customers[0];
  const kindAsked = ritualKindOf(kind);
  const defaults = fieldsForNewRitual(kindAsked, {
    title: t(`kind.${kindAsked}`),
    timeZone: team.timeZone,
    startDate: localToday(team.timeZone, now),
    hostId: member.id,
    memberIds: planning.members.map((m) => m.id),
    customer: customer
      ? { id: customer.id, timeZone: customer.timeZone, contactIds: customer.contacts.map((c) => c.id) }
      : null,
  });
  return {
    teamId: team.id,
    choosing: false as const,
    ...editorPage(request, defaults, { planning, elsewhere, locale, t, now }),
  };
}

async function saveForm({ request, params }: ActionFunctionArgs) {
  const { team } = await requireMember(request, params.teamId);
  const { values, form } = await readRitualForm(request);
  return ritualSaveReply(await saveRitual(team.id, undefined, form), values, request, team.id);
}

/** Saving unavailable: the form comes back as typed. */
export const action = keepingTypedText(saveForm);

export default function NewRitual() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-heading">
        <h1>{t("editor.newTitle")}</h1>
        <p className="lede">{data.choosing ? t("editor.chooseKind") : t("editor.newIntro")}</p>
      </div>
      {data.choosing ? (
        <ul className="kind-choices">
          {RITUAL_KINDS.map((kind) => (
            <li key={kind} className={`ritual-card kind-${kind}`}>
              <h2 className="ritual-title">
                <Link to={`?kind=${kind}`}>{t(`kind.${kind}`)}</Link>
              </h2>
              <p>{t(`editor.kindAbout.${kind}`)}</p>
            </li>
          ))}
        </ul>
      ) : (
        <RitualEditor teamId={data.teamId} page={data} reply={reply} submitLabel={t("editor.create")} />
      )}
    </>
  );
}

/** Errors show inside the team layout, with its navigation still there. */
export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
