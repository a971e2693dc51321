/**
 * The demo team: members in Seoul, Berlin, San Francisco and Bengaluru (no DST,
 * European DST, North American DST, +5:30), one customer with two contacts, and
 * one ritual of each kind with its default cadence, length and buffers, and in the
 * coming weeks a moved meeting that clashes with another and a cancelled one; the
 * last tea time has notes, follow-ups, a risk and a parked question, shared with the customer.
 *
 *   tsx prisma/seed.ts             add the demo team unless it is already there
 *   tsx prisma/seed.ts --if-empty  only on a database without any team (npm start)
 */
import { prisma } from "~/utils/db.server";
import type { WriteResult } from "~/domain/validation";
import { DateTime } from "luxon";
import { expandValidRule } from "~/domain/recurrence";
import { DAY } from "~/domain/durations";
import type { MeetingException } from "~/domain/recurrence";
import { findMeeting, recordMeetingChange } from "~/models/meeting.server";
import { addFollowUp, addQuestion, addRisk, saveNotes, shareNotePage } from "~/models/note.server";
import { createRitual, getRitual } from "~/models/ritual.server";
import { createTeam, getTeam } from "~/models/team.server";
import { createMember } from "~/models/member.server";
import { createContact, createCustomer } from "~/models/customer.server";
import { createUser } from "~/models/user.server";
import { DEMO_MEMBER_EMAIL, DEMO_OWNER_EMAIL, DEMO_PASSWORD } from "./demo-accounts";

export const DEMO_TEAM_ID = "demo-team";

function saved<T>(what: string, result: WriteResult<T>): T {
  if (!result.ok) throw new Error(`Demo ${what} is invalid: ${JSON.stringify(result.errors)}`);
  return result.value;
}

export async function seedDemo(): Promise<"created" | "present"> {
  if (await getTeam(DEMO_TEAM_ID)) return "present";
  await prisma.$transaction(async (db) => {
    saved("team", await createTeam({ name: "Northwind Remote", timeZone: "Europe/Berlin" }, db, { id: DEMO_TEAM_ID }));
    const account = async (id: string, name: string, email: string) =>
      saved(`user ${id}`, await createUser({ name, email, password: DEMO_PASSWORD }, db, { id }));
    const lenaUser = await account("demo-user-lena", "Lena Fischer", DEMO_OWNER_EMAIL);
    const jiwooUser = await account("demo-user-jiwoo", "Ji-woo Park", DEMO_MEMBER_EMAIL);
    const member = async (
      id: string,
      input: Record<string, unknown>,
      link: { userId?: string; role?: "owner" | "member" } = {},
    ) => saved(`member ${id}`, await createMember(DEMO_TEAM_ID, input, db, { id, ...link }));
    const jiwoo = await member(
      "demo-jiwoo",
      {
        name: "Ji-woo Park",
        email: DEMO_MEMBER_EMAIL,
        timeZone: "Asia/Seoul",
        workStart: "09:00",
        workEnd: "18:00",
      },
      { userId: jiwooUser.id },
    );
    const lena = await member(
      "demo-lena",
      {
        name: "Lena Fischer",
        email: DEMO_OWNER_EMAIL,
        timeZone: "Europe/Berlin",
        workStart: "08:30",
        workEnd: "17:00",
      },
      { userId: lenaUser.id, role: "owner" },
    );
    const sam = await member("demo-sam", {
      name: "Sam Rivera",
      email: "sam@northwind.example",
      timeZone: "America/Los_Angeles",
      workStart: "08:00",
      workEnd: "16:30",
    });
    const priya = await member("demo-priya", {
      name: "Priya Nair",
      email: "priya@northwind.example",
      timeZone: "Asia/Kolkata",
      workStart: "10:00",
      workEnd: "19:00",
      workDays: [1, 2, 3, 4, 5],
    });
    const team = [jiwoo.id, lena.id, sam.id, priya.id];

    const customer = saved(
      "customer",
      await createCustomer(
        DEMO_TEAM_ID,
        {
          name: "Hanbit Logistics",
          timeZone: "Asia/Seoul",
          language: "ko",
          etiquetteNote:
            "Formal Korean greetings to open; business casual on camera. Send the agenda a day ahead. " +
            "Avoid 12:00-13:00 KST (lunch).",
        },
        db,
        { id: "demo-hanbit" },
      ),
    );
    const minseo = saved(
      "contact",
      await createContact(DEMO_TEAM_ID, customer.id, { name: "Min-seo Kim", email: "minseo.kim@hanbit.example" }, db, {
        id: "demo-minseo",
      }),
    );
    const daniel = saved(
      "contact",
      await createContact(
        DEMO_TEAM_ID,
        customer.id,
        { name: "Daniel Cho", email: "daniel.cho@hanbit.example", timeZone: "America/New_York" },
        db,
        { id: "demo-daniel" },
      ),
    );

    const ritual = async (
      id: string,
      draft: Parameters<typeof createRitual>[1],
      people: Parameters<typeof createRitual>[2],
    ) => saved(`ritual ${id}`, await createRitual(DEMO_TEAM_ID, draft, people, db, { id }));
    await ritual(
      "demo-check-in",
      {
        kind: "check-in",
        title: "Team check-in",
        timeZone: "Europe/Berlin",
        startTime: "09:30",
        startDate: "2026-01-06",
        agendaTemplate: "- What did you try since last time?\n- Ideas to share\n- What is in your way?",
        videoUrl: "https://meet.example.com/northwind-check-in",
      },
      { hostIds: [lena.id], participantIds: team },
    );
    await ritual(
      "demo-happy-hour",
      {
        kind: "happy-hour",
        title: "Friday happy hour",
        timeZone: "Europe/Berlin",
        startTime: "16:00",
        startDate: "2026-01-09",
        videoUrl: "https://meet.example.com/northwind-happy-hour",
      },
      { hostIds: [sam.id], participantIds: team },
    );
    await ritual(
      "demo-tea-time",
      {
        kind: "tea-time",
        title: "Tea time with Hanbit Logistics",
        timeZone: "Asia/Seoul",
        startTime: "16:00",
        startDate: "2026-01-07",
        customerId: customer.id,
        agendaTemplate:
          "- What is the hardest thing you are facing right now?\n- Ideas we can try on the spot\n- Follow-ups, owners and dates",
        videoUrl: "https://meet.example.com/hanbit-tea-time",
      },
      { hostIds: [jiwoo.id, lena.id], contactIds: [minseo.id, daniel.id] },
    );
  });
  await changeSomeMeetings(Date.now());
  await writeLastTeaTimeNotes(Date.now());
  return "created";
}

/**
 * A week with changes, so the schedule shows them: in the week of the next tea
 * time, Tuesday's check-in moves onto the tea time's morning (where it clashes
 * with Lena's go-early time) and Friday's happy hour is cancelled.
 */
/** A change to a demo meeting, written as it is: the demo's mail starts empty. */
async function demoChange(ritualId: string, change: MeetingException) {
  const found = await findMeeting(DEMO_TEAM_ID, ritualId, change.originalStart);
  if (!found) throw new Error(`Could not seed the change to ${ritualId}: no meeting at ${change.originalStart}`);
  return recordMeetingChange(found, change);
}

async function changeSomeMeetings(now: number) {
  const teaTime = (await getRitual(DEMO_TEAM_ID, "demo-tea-time"))!;
  const [tea] = expandValidRule(teaTime, { from: now + 2 * DAY, to: now + 30 * DAY });
  if (!tea) return;
  const teaDay = DateTime.fromMillis(tea.start, { zone: "Europe/Berlin" });
  const berlin = (day: DateTime, hour: number, minute: number) => day.set({ hour, minute }).toMillis();
  const monday = teaDay.startOf("week");
  saved(
    "moved check-in",
    await demoChange("demo-check-in", {
      originalStart: berlin(monday.plus({ days: 1 }), 9, 30),
      status: "moved",
      start: teaDay.plus({ minutes: 15 }).toMillis(),
      durationMinutes: 30,
    }),
  );
  saved(
    "cancelled happy hour",
    await demoChange("demo-happy-hour", {
      originalStart: berlin(monday.plus({ days: 4 }), 16, 0),
      status: "cancelled",
    }),
  );
}

/**
 * Notes from the last tea time, shared with the customer: a deadline, decisions,
 * a risk, a parked question, and follow-ups that are overdue, due soon and silent,
 * so the board and the next tea time's carried-over agenda have something to show.
 */
async function writeLastTeaTimeNotes(now: number) {
  const teaTime = (await getRitual(DEMO_TEAM_ID, "demo-tea-time"))!;
  const last = expandValidRule(teaTime, { from: now - 35 * DAY, to: now })
    .filter((meeting) => meeting.end <= now)
    .at(-1);
  if (!last) return;
  const ref = { teamId: DEMO_TEAM_ID, ritualId: teaTime.id, originalStart: last.originalStart };
  const inSeoul = DateTime.fromMillis(now, { zone: "Asia/Seoul" });
  const notes = await saveNotes(
    ref,
    {
      agenda: teaTime.agendaTemplate,
      notes:
        "**Min-seo:** the Busan warehouse misses pick-ups on Fridays.\n\n- Daniel wants the revised schedule before their board meeting\n- Sunday shipping would help in December",
      decisions: "- Move Friday pick-ups to Thursday afternoon from next week",
      customerDeadline: inSeoul.plus({ weeks: 3 }).toISODate()!,
    },
    0,
  );
  if (!notes.ok) throw new Error("Demo notes are invalid");
  const followUp = async (input: Record<string, string>, change: { dueDate?: string; lastUpdatedAt?: Date }) => {
    const { id } = saved("follow-up", await addFollowUp(ref, input, now));
    await prisma.followUp.update({ where: { id }, data: change });
  };
  await followUp(
    { title: "Send Hanbit the revised delivery schedule", ownerId: "demo-jiwoo", shared: "on" },
    { dueDate: inSeoul.minus({ days: 1 }).toISODate()! },
  );
  await followUp({ title: "Approve the Busan warehouse quote", kind: "approval", ownerId: "demo-lena" }, {});
  await followUp(
    { title: "Check our margins on the express lane", ownerId: "demo-priya", priority: "1" },
    { dueDate: inSeoul.plus({ days: 10 }).toISODate()!, lastUpdatedAt: new Date(now - 9 * DAY) },
  );
  saved(
    "risk",
    await addRisk(ref, {
      risk: "Customs delays at Busan in December",
      impact: "Deliveries up to a week late",
      mitigation: "Book customs slots two weeks ahead",
      shared: "on",
    }),
  );
  saved(
    "question",
    await addQuestion(ref, {
      question: "Can we ship on Sundays?",
      askedBy: "Min-seo Kim",
      ownerId: "demo-sam",
      shared: "on",
    }),
  );
  await shareNotePage(ref);
}

async function main() {
  const onlyIfEmpty = process.argv.includes("--if-empty");
  if (onlyIfEmpty && (await prisma.team.count()) > 0) {
    console.log("Database already has data; demo seed skipped.");
  } else {
    const outcome = await seedDemo();
    console.log(outcome === "created" ? "Demo team created." : "Demo team already present; nothing added.");
  }
  if (await prisma.user.findUnique({ where: { email: DEMO_OWNER_EMAIL } })) {
    console.log(`Demo sign-in (owner):  ${DEMO_OWNER_EMAIL} / ${DEMO_PASSWORD}`);
    console.log(`Demo sign-in (member): ${DEMO_MEMBER_EMAIL} / ${DEMO_PASSWORD}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main()
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => prisma.$disconnect());
}
