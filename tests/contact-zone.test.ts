import ICAL from "ical.js";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { customerSeriesFile } from "~/calendar/calendar-invites.server";
import { prisma } from "~/utils/db.server";
import { expandValidRule } from "~/domain/recurrence";
import { fieldsFromRitual } from "~/domain/ritual-form";
import { i18nServer } from "~/i18n/i18next.server";
import { createContact, createCustomer } from "~/models/customer.server";
import { loadTeamPlanning } from "~/models/planning.server";
import { loadRitualRecord } from "~/models/ritual-record.server";
import { getRitual } from "~/models/ritual.server";
import { shareNotePage } from "~/models/note.server";
import { sendRecap } from "~/services/meetings.server";
import { saveRitual } from "~/services/rituals.server";
import { planRitual } from "~/views/ritual-editor.server";
import { signedUpUser, teamOwnedBy } from "./support/accounts";

const NOW = Date.parse("2026-12-01T00:00:00Z");
const CUSTOMER_ZONE = "America/Sao_Paulo";

/**
 * A tea time anchored in Seoul at 08:00 with a customer in São Paulo, whose
 * contact gave no zone of their own: on the contact's clock each meeting is
 * the evening before.
 */
async function teaTimeWithContactWithoutZone() {
  const owner = await signedUpUser("lead@zones.example");
  const { teamId, memberId } = await teamOwnedBy(owner, "zones.example");
  const customer = await createCustomer(teamId, { name: "Lucerna", timeZone: CUSTOMER_ZONE, language: "en" });
  if (!customer.ok) throw new Error("customer");
  const contact = await createContact(teamId, customer.value.id, { name: "Rafa", email: "rafa@lucerna.example" });
  if (!contact.ok) throw new Error("contact");
  const draft = {
    kind: "tea-time" as const,
    title: "Tea time",
    timeZone: "Asia/Seoul",
    startTime: "08:00",
    startDate: "2026-12-08",
    customerId: customer.value.id,
  };
  const people = { hostIds: [memberId], participantIds: [], contactIds: [contact.value.id] };
  const saved = await saveRitual(teamId, undefined, { draft, people, confirmed: [] }, NOW);
  if (saved.status !== "saved") throw new Error(saved.status);
  const ritual = (await getRitual(teamId, saved.ritualId))!;
  const [first] = expandValidRule(ritual, { from: NOW, to: NOW + 14 * 86_400_000 });
  return {
    teamId,
    ritual,
    contactId: contact.value.id,
    first: first!,
    fields: fieldsFromRitual(ritual, people, draft.customerId),
  };
}

describe("a customer's contact without a zone of their own", () => {
  it("reads every time on the customer's clock: in the invite mail, the recap, the customer's invite and the preview", async () => {
    const { teamId, ritual, contactId, first, fields } = await teaTimeWithContactWithoutZone();
    const there = DateTime.fromMillis(first.start, { zone: CUSTOMER_ZONE, locale: "en" });
    const day = there.toLocaleString({ weekday: "short", month: "short", day: "numeric" });
    const inSeoul = DateTime.fromMillis(first.start, { zone: "Asia/Seoul", locale: "en" });
    // The check means something only if the two clocks disagree on the day.
    expect(inSeoul.toISODate()).not.toBe(there.toISODate());

    const invite = await prisma.mail.findFirstOrThrow({ where: { toAddress: "rafa@lucerna.example", kind: "invite" } });
    expect(invite.text).toContain(`${day} ${there.toFormat("h:mm a")} (${CUSTOMER_ZONE})`);

    const ref = { teamId, ritualId: ritual.id, originalStart: first.originalStart };
    await shareNotePage(ref);
    expect(await sendRecap(ref, NOW)).toBe(1);
    const recap = await prisma.mail.findFirstOrThrow({ where: { toAddress: "rafa@lucerna.example", kind: "recap" } });
    expect(recap.subject).toBe(`Recap: Tea time, ${day}`);

    const customerFile = await customerSeriesFile((await loadRitualRecord(teamId, ritual.id))!);
    const event = new ICAL.Component(ICAL.parse(customerFile)).getFirstSubcomponent("vevent")!;
    expect(String(event.getFirstPropertyValue("description"))).toContain(`${day}: http`);

    const t = await i18nServer.getFixedT("en");
    const plan = planRitual(fields, { planning: await loadTeamPlanning(teamId), locale: "en", t, now: NOW });
    const row = plan.preview
      .find((meeting) => meeting.key === first.originalStart)!
      .rows.find((r) => r.personId === contactId)!;
    expect(row.timeZone).toBe(CUSTOMER_ZONE);
    expect(row.local.startsWith(`${day} ${there.toFormat("h:mm a")}`)).toBe(true);
  });
});
