import { beforeAll, describe, expect, it, vi } from "vitest";
import { unfoldLines } from "~/calendar/rfc5545";
import { expandValidRule } from "~/domain/recurrence";
import { changeMeeting, restoreMeeting } from "~/services/meetings.server";
import { createRitual, getRitual, updateRitual } from "~/models/ritual.server";
import { loader as customerLoader } from "~/routes/teams.$teamId.rituals.$ritualId.customer[.]ics";
import { loader as meetingLoader } from "~/routes/teams.$teamId.rituals.$ritualId.meetings.$start[.]ics";
import { loader as seriesLoader } from "~/routes/teams.$teamId.rituals.$ritualId[.]ics";
import { calendarWorld, respond } from "./support/calendar-world";

const world = {} as Awaited<ReturnType<typeof calendarWorld>>;
beforeAll(async () => Object.assign(world, await calendarWorld()));

describe("invite downloads", () => {
  const auth = () => ({ Cookie: world.cookie });

  it("gives the team's series invite a readable filename and a TZID'd series", async () => {
    const response = await respond(seriesLoader, "/x", { teamId: world.teamId, ritualId: world.ritualId }, auth());
    expect(response.headers.get("Content-Disposition")).toContain('filename="our-check-in.ics"');
    const lines = unfoldLines(await response.text());
    expect(lines).toContain("METHOD:REQUEST");
    expect(lines).toContain("DTSTART;TZID=Europe/Berlin:20260106T100000");
  });

  it("writes the customer's invite in the customer's language, without buffers", async () => {
    const response = await respond(customerLoader, "/x", { teamId: world.teamId, ritualId: world.teaTimeId }, auth());
    const body = await response.text();
    expect(body).toContain("회의실은 10분 일찍 열립니다.");
    expect(body).toContain("minseo@hanbit.example");
    expect(body).not.toMatch(/Go early|일찍 오기/);
    const noCustomer = await respond(customerLoader, "/x", { teamId: world.teamId, ritualId: world.ritualId }, auth());
    expect(noCustomer.status).toBe(404);
  });

  it("turns a cancelled meeting's file into a cancellation with a higher SEQUENCE", async () => {
    const ritual = await getRitual(world.teamId, world.ritualId);
    const meeting = expandValidRule(ritual!, {
      from: Date.parse("2026-02-01T00:00:00Z"),
      to: Date.parse("2026-02-08T00:00:00Z"),
    })[0]!;
    const start = new Date(meeting.originalStart)
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    const params = { teamId: world.teamId, ritualId: world.ritualId, start };
    const before = unfoldLines(await (await respond(meetingLoader, "/x", params, auth())).text());
    expect(before).toContain("METHOD:REQUEST");
    await changeMeeting(world.teamId, world.ritualId, { originalStart: meeting.originalStart, status: "cancelled" });
    const after = unfoldLines(await (await respond(meetingLoader, "/x", params, auth())).text());
    expect(after).toContain("METHOD:CANCEL");
    expect(after).toContain("STATUS:CANCELLED");
    const sequence = (lines: string[]) => Number(lines.find((l) => l.startsWith("SEQUENCE:"))!.slice(9));
    expect(sequence(after)).toBeGreaterThan(sequence(before));
    // Another time that day (an address from before a series edit) leads to the day's meeting; a day without one is no meeting.
    const sameDay = await respond(
      meetingLoader,
      "/teams/t/rituals/r/meetings/20260203T091500Z.ics",
      { ...params, start: "20260203T091500Z" },
      auth(),
    );
    expect(sameDay.status).toBe(301);
    expect(sameDay.headers.get("Location")).toBe(`/teams/t/rituals/r/meetings/${start}.ics`);
    const notAMeeting = await respond(meetingLoader, "/x", { ...params, start: "20260204T091500Z" }, auth());
    expect(notAMeeting.status).toBe(404);
  });

  it("raises the series' SEQUENCE and LAST-MODIFIED when a meeting is cancelled or restored, and an edit goes above them", async () => {
    const draft = {
      kind: "check-in" as const,
      title: "Versioned",
      timeZone: "Europe/Berlin",
      startTime: "09:00",
      startDate: "2026-03-03",
    };
    const created = await createRitual(world.teamId, draft, { hostIds: [world.memberId] });
    if (!created.ok) throw new Error("ritual");
    const ritualId = created.value.id;
    const version = async () => {
      const response = await respond(seriesLoader, "/x", { teamId: world.teamId, ritualId }, auth());
      const master = unfoldLines(await response.text()).slice(0, 60);
      return {
        sequence: Number(master.find((l) => l.startsWith("SEQUENCE:"))!.slice(9)),
        lastModified: master.find((l) => l.startsWith("LAST-MODIFIED:"))!.slice(14),
        exdates: master.filter((l) => l.startsWith("EXDATE")).length,
      };
    };
    const [moved, meeting] = expandValidRule((await getRitual(world.teamId, ritualId))!, {
      from: Date.parse("2026-03-03T00:00:00Z"),
      to: Date.parse("2026-03-11T00:00:00Z"),
    });
    // An earlier change to another meeting: the next one must still raise the series' version.
    await changeMeeting(world.teamId, ritualId, {
      originalStart: moved!.originalStart,
      status: "moved",
      start: moved!.start + 3_600_000,
      durationMinutes: 30,
    });
    const later = (minutes: number) => vi.setSystemTime(Date.now() + minutes * 60_000);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const created = await version();
      later(1);
      await changeMeeting(world.teamId, ritualId, { originalStart: meeting!.originalStart, status: "cancelled" });
      const cancelled = await version();
      later(1);
      await restoreMeeting(world.teamId, ritualId, meeting!.originalStart);
      const restored = await version();
      later(1);
      await updateRitual(world.teamId, ritualId, { ...draft, startTime: "09:30" }, { hostIds: [world.memberId] });
      const edited = await version();
      expect([created.exdates, cancelled.exdates, restored.exdates]).toEqual([0, 1, 0]);
      expect(cancelled.sequence).toBeGreaterThan(created.sequence);
      expect(restored.sequence).toBeGreaterThan(cancelled.sequence);
      expect(edited.sequence).toBeGreaterThan(restored.sequence);
      expect(cancelled.lastModified > created.lastModified).toBe(true);
      expect(restored.lastModified > cancelled.lastModified).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
