import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireMember } from "~/utils/auth.server";
import { FollowUpItem, QuestionItem } from "~/components/note-page";
import { URGENCY_ORDER } from "~/domain/follow-ups";
import { i18nServer } from "~/i18n/i18next.server";
import { listOpenItems } from "~/models/note.server";
import { loadTeamPlanning } from "~/models/planning.server";
import { followUpView, questionView } from "~/views/note-page.server";
import type { FollowUpView, QuestionView } from "~/views/note-page";

export const meta: MetaFunction = () => [{ title: "Follow-ups · Rituals" }];

/** Every open follow-up and parked question of the team, loudest first; "mine" for the signed-in member. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team, member } = await requireMember(request, params.teamId);
  const mine = new URL(request.url).searchParams.get("mine") === "1";
  const now = Date.now();
  const [locale, { followUps, questions }, planning] = await Promise.all([
    i18nServer.getLocale(request),
    listOpenItems(team.id),
    loadTeamPlanning(team.id, now),
  ]);
  const daysOff = new Map(planning.members.map((m) => [m.id, m.holidays ?? new Set<string>()]));
  const context = { locale, now, teamZone: team.timeZone, daysOff };
  const ours = <T extends { owner: { id: string } | null }>(rows: T[]) =>
    mine ? rows.filter((row) => row.owner?.id === member.id) : rows;
  // Each item is judged on its owner's clock (followUpView), then shown in the loudest group it belongs to.
  const followUpViews = ours(followUps).map((row) => followUpView(row, context));
  const groups = URGENCY_ORDER.map((urgency) => ({
    urgency,
    // By owner, then by due date, so each person finds their own together.
    items: followUpViews
      .filter((item) => item.urgency === urgency)
      .sort(
        (a, b) =>
          (a.ownerName ?? "\uffff").localeCompare(b.ownerName ?? "\uffff") || a.dueDate.localeCompare(b.dueDate),
      ),
  }));
  return {
    teamId: team.id,
    mine,
    groups: groups.filter((group) => group.items.length > 0),
    questions: ours(questions)
      .map((row) => questionView(row, context))
      .sort((a, b) => b.silentDays - a.silentDays),
  };
}

function RaisedLink({ teamId, item }: { teamId: string; item: FollowUpView | QuestionView }) {
  const { t } = useTranslation();
  const raised = item.raisedIn;
  if (!raised?.ritual) return null;
  return (
    <p className="raised-link">
      <Link to={`/teams/${teamId}/rituals/${raised.ritual.id}/meetings/${raised.meeting}`}>
        {t("followUps.openPage", { title: raised.ritual.title, date: raised.date })}
      </Link>
    </p>
  );
}

export default function FollowUpsBoard() {
  const { teamId, mine, groups, questions } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-heading with-action">
        <div>
          <h1>{mine ? t("followUps.mineTitle") : t("followUps.boardTitle")}</h1>
          <p className="lede">{t("followUps.boardIntro")}</p>
        </div>
        <nav className="chips" aria-label={t("followUps.whose")}>
          <Link className="chip" aria-current={mine ? undefined : "page"} to="?">
            {t("followUps.everyone")}
          </Link>
          <Link className="chip" aria-current={mine ? "page" : undefined} to="?mine=1">
            {t("followUps.mine")}
          </Link>
        </nav>
      </div>
      {groups.length === 0 && questions.length === 0 ? (
        <section className="panel empty-state">
          <h2>{t("followUps.allClear")}</h2>
          <p>{t("followUps.allClearBody")}</p>
        </section>
      ) : null}
      {groups.map((group) => (
        <section
          key={group.urgency}
          className={`panel board-group urgency-${group.urgency}`}
          aria-labelledby={`group-${group.urgency}`}
        >
          <h2 id={`group-${group.urgency}`}>
            {t(`followUps.group.${group.urgency}`)} ({group.items.length})
          </h2>
          <ul className="items">
            {group.items.map((item) => (
              <FollowUpItem key={item.id} item={item} editable={false}>
                <RaisedLink teamId={teamId} item={item} />
              </FollowUpItem>
            ))}
          </ul>
        </section>
      ))}
      {questions.length > 0 ? (
        <section className="panel board-group" aria-labelledby="group-questions">
          <h2 id="group-questions">
            {t("followUps.group.questions")} ({questions.length})
          </h2>
          <ul className="items">
            {questions.map((item) => (
              <QuestionItem key={item.id} item={item} editable={false}>
                <RaisedLink teamId={teamId} item={item} />
              </QuestionItem>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** Errors show inside the team layout, with its navigation still there. */
export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
