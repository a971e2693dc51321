import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { expandValidRule } from "~/domain/recurrence";
import { getRitual } from "~/models/ritual.server";
import { changeMeeting } from "~/services/meetings.server";
import { saveRitual } from "~/services/rituals.server";
import { action as languageAction } from "~/routes/language";
import { prisma } from "~/utils/db.server";
import { sessionCookie } from "./support/accounts";
import { queueSeriesInvites } from "./support/invites";
import { calendarOf, smtpForThisFile } from "./support/smtp";
import { teaTimeForm, teamWithTeaTime } from "./support/tea-time";

const NOW = Date.parse("2026-11-23T09:00:00Z");
const mail = smtpForThisFile();
const { send, sentTo } = mail;
/** A time as the mail writes it for someone in Seoul. */
const inSeoul = (instant: number) => DateTime.fromMillis(instant, { zone: "Asia/Seoul" }).toFormat("ccc, LLL d h:mm a");

describe("mail that says what happened", () => {
  it("names a moved meeting's old time, on each reader's clock", async () => {
    const world = await teamWithTeaTime("moved.example", "2026-11-26");
    const ritual = (await getRitual(world.teamId, world.teaTimeId))!;
    const [first] = expandValidRule(ritual, { from: NOW, to: NOW + 60 * 86_400_000 });
    const later = first!.start + 2 * 3_600_000;
    await changeMeeting(
      world.teamId,
      ritual.id,
      { originalStart: first!.originalStart, status: "moved", start: later, durationMinutes: 30 },
      NOW,
    );
    await send(NOW);
    const [jiwoo] = sentTo("jiwoo@moved.example");
    expect(jiwoo!.subject).toBe(`Moved: Tea time, ${inSeoul(later)} (was ${inSeoul(first!.start)})`);
    expect(jiwoo!.text).toContain(`Tea time moved from ${inSeoul(first!.start)} to ${inSeoul(later)} (Asia/Seoul).`);
    const [minseo] = sentTo("minseo@hanbit.example");
    expect(minseo!.subject).toMatch(/^옮김: Tea time, .+ \(원래 .+\)$/);
  });

  it("sends a series edit as Updated, with what changed: old and new time, length and call", async () => {
    const world = await teamWithTeaTime("edited.example", "2026-11-26");
    await queueSeriesInvites(world.teamId, world.teaTimeId, NOW);
    await send(NOW);
    expect(sentTo("jiwoo@edited.example")[0]!.subject).toBe("Invitation: Tea time");
    mail.messages().length = 0;

    const people = { hostId: world.ownerId, participantIds: [world.jiwooId, world.samId], startDate: "2026-11-26" };
    const before = (await getRitual(world.teamId, world.teaTimeId))!;
    const [oldNext] = expandValidRule(before, { from: NOW, to: NOW + 60 * 86_400_000 });
    const saved = await saveRitual(
      world.teamId,
      world.teaTimeId,
      await teaTimeForm(world.teaTimeId, people, {
        startTime: "17:00",
        durationMinutes: "45",
        videoUrl: "https://meet.example/new-room",
      }),
      NOW + 1,
    );
    expect(saved.status).toBe("saved");
    await send(NOW + 1);
    const [jiwoo] = sentTo("jiwoo@edited.example");
    expect(jiwoo!.subject).toBe("Updated: Tea time");
    expect(jiwoo!.text).toContain(`Next meeting: ${inSeoul(oldNext!.start + 3_600_000)} (Asia/Seoul).`);
    expect(jiwoo!.text).toContain(`It was ${inSeoul(oldNext!.start)}.`);
    expect(jiwoo!.text).toContain("Time: 16:00 → 17:00 (Asia/Seoul).");
    expect(jiwoo!.text).toContain(`Length: ${before.durationMinutes} → 45 minutes.`);
    expect(jiwoo!.text).toContain("The call link changed.");
    // The customer reads it in their own language.
    const [minseo] = sentTo("minseo@hanbit.example");
    expect(minseo!.subject).toBe("변경: Tea time");
    expect(minseo!.text).toContain("시간: 16:00 → 17:00 (Asia/Seoul).");
    expect(minseo!.text).toContain("통화 링크가 바뀌었습니다.");
  });

  it("writes each member's mail in the language they chose in the app, and the customer's in theirs", async () => {
    const world = await teamWithTeaTime("korean.example", "2026-11-26");
    const { userId } = await prisma.member.findUniqueOrThrow({ where: { id: world.ownerId } });
    // The lead switches the app to Korean, signed in.
    const request = new Request("http://localhost/language", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: await sessionCookie(userId!) },
      body: new URLSearchParams({ lng: "ko", redirectTo: "/" }),
    });
    expect((await languageAction({ request, params: {}, context: {} })).status).toBe(302);
    await queueSeriesInvites(world.teamId, world.teaTimeId, NOW);
    await send(NOW);
    const [lead] = sentTo("lead@korean.example");
    expect(lead!.subject).toBe("초대: Tea time");
    expect(lead!.text).toContain("(Europe/Berlin)");
    expect(calendarOf(lead!)).toContain("CATEGORIES:");
    // Ji-woo has no account, so has chosen nothing: English.
    expect(sentTo("jiwoo@korean.example")[0]!.subject).toBe("Invitation: Tea time");
    expect(sentTo("minseo@hanbit.example")[0]!.subject).toBe("초대: Tea time");
  });
});
