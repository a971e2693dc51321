import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PLAIN_PAGE } from "~/components/plain-page";
import { AnswerButtons } from "~/components/answers-panel";
import { isRsvpAnswer, RSVP_ANSWERS, type RsvpAnswer } from "~/domain/rsvp";
import { formatDay, formatTime } from "~/i18n/format";
import { pageLanguage } from "~/i18n/page-language.server";
import { answerInvitation, rsvpLinkInvitation, type RsvpInvitation } from "~/services/rsvps.server";
import { readForm } from "~/utils/form-values.server";

export const meta: MetaFunction = () => [{ title: "Are you coming? · Rituals" }];

/** Opened from a mail, often by someone without an account: plain HTML. */
export const handle = PLAIN_PAGE;

/** The answer a click on a mailed link brings, and whether the page just saved it. */
type Shown = { invitation: RsvpInvitation; when: string; proposed: RsvpAnswer | null; saved: boolean };

const STATUS = { unknown: 404, "not-invited": 410, cancelled: 410, over: 410 } as const;

/** The page, with the meeting's time on the person's clock written on the server (no date library in the browser). */
async function shown(request: Request, invitation: RsvpInvitation, proposed: RsvpAnswer | null, saved: boolean) {
  const locale = await pageLanguage(request);
  const when = invitation.ok
    ? `${formatDay(invitation.start, invitation.timeZone, locale)} ${formatTime(invitation.start, invitation.timeZone, locale)}`
    : "";
  return data<Shown>(
    { invitation, when, proposed, saved },
    { status: invitation.ok ? 200 : STATUS[invitation.reason] },
  );
}

/**
 * A person's click on a mailed link answers at once. Mail scanners fetch the
 * same links too, but browsers mark a navigation the person started
 * (Sec-Fetch-User); without that mark the page asks for one more click.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const url = new URL(request.url);
  const proposed = url.searchParams.get("answer");
  const answer = isRsvpAnswer(proposed) ? proposed : null;
  const byPerson = request.headers.get("Sec-Fetch-User") === "?1";
  if (answer && byPerson) {
    const answered = await answerInvitation(token, answer, Date.now());
    if (answered.ok) throw redirect(`/rsvp/${token}?saved=1`);
    return shown(request, answered, null, false);
  }
  return shown(request, await rsvpLinkInvitation(token, Date.now()), answer, url.searchParams.has("saved"));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const answer = (await readForm(request)).get("answer");
  if (!isRsvpAnswer(answer)) throw data("The answer must be yes, maybe or no", { status: 400 });
  const answered = await answerInvitation(token, answer, Date.now());
  if (answered.ok) throw redirect(`/rsvp/${token}?saved=1`);
  // The page (its loader) says why there is nothing to answer any more.
  return data(null, { status: STATUS[answered.reason] });
}

export default function Rsvp() {
  const { invitation, when, proposed, saved } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (!invitation.ok) {
    return (
      <section className="panel narrow" aria-labelledby="rsvp-title">
        <h1 id="rsvp-title">{t("rsvp.title")}</h1>
        <p role="status">{t(`rsvp.gone.${invitation.reason}`)}</p>
      </section>
    );
  }
  const { answer, timeZone } = invitation;
  // The answer the link brought comes first, as the one button to press.
  const order = proposed ? [proposed, ...RSVP_ANSWERS.filter((a) => a !== proposed)] : RSVP_ANSWERS;
  const toConfirm = saved ? null : proposed;
  return (
    <section className="panel narrow" aria-labelledby="rsvp-title">
      <h1 id="rsvp-title">{t("rsvp.title")}</h1>
      <p>{t("rsvp.greeting", { name: invitation.personName })}</p>
      <p>
        <strong>
          {t("rsvp.meeting", { title: invitation.title, team: invitation.teamName, when, zone: timeZone })}
        </strong>
      </p>
      <p role="status" data-testid="rsvp-answer">
        {answer ? t(saved ? `rsvp.saved.${answer}` : `rsvp.current.${answer}`) : t("rsvp.noAnswer")}
      </p>
      {answer && <p>{t("rsvp.change")}</p>}
      <Form method="post" className="actions">
        <AnswerButtons
          order={order}
          pressed={answer}
          primary={toConfirm}
          label={(choice) =>
            choice === toConfirm
              ? t("rsvp.confirm", { answer: t(`rsvp.answer.${choice}`) })
              : t(`rsvp.answer.${choice}`)
          }
        />
      </Form>
      <p className="hint">{t("rsvp.pageHint")}</p>
    </section>
  );
}
