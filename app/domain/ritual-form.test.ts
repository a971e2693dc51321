import { describe, expect, it } from "vitest";
import { rotationStartsOf, validateRitual } from "./ritual";
import { draftFromFields, fieldsForNewRitual, fieldsFromRitual, fieldsToSearch } from "./ritual-form";
import { RITUAL_DEFAULTS } from "./ritual-kinds";

const context = {
  title: "Customer tea time",
  timeZone: "Europe/Berlin",
  startDate: "2026-12-01",
  hostId: "lena",
  memberIds: ["lena", "jiwoo", "sam"],
  customer: { id: "hanbit", timeZone: "Asia/Seoul", contactIds: ["minseo", "daniel"] },
};

describe("the ritual editor's fields", () => {
  it("start a new ritual from its kind's defaults, the whole team for team rituals", () => {
    const checkIn = fieldsForNewRitual("check-in", { ...context, title: "Team check-in" });
    expect(checkIn).toMatchObject({
      weekdays: ["2", "4"],
      durationMinutes: "30",
      goEarlyMinutes: "5",
      hostIds: ["lena"],
      participantIds: ["jiwoo", "sam"],
      customerId: "",
      contactIds: [],
    });
    const teaTime = fieldsForNewRitual("tea-time", context);
    expect(teaTime).toMatchObject({
      interval: "2",
      timeZone: "Asia/Seoul",
      customerId: "hanbit",
      contactIds: ["minseo", "daniel"],
    });
    expect(checkIn.timeZone).toBe("Europe/Berlin");
    const parsed = validateRitual(draftFromFields(teaTime).draft);
    expect(parsed.success && parsed.data).toMatchObject({ ...RITUAL_DEFAULTS["tea-time"], customerId: "hanbit" });
  });

  it("count only the fields the radio choices point at", () => {
    const base = fieldsForNewRitual("check-in", context);
    const monthlyByWeekday = draftFromFields({
      ...base,
      frequency: "monthly",
      monthlyBy: "weekday",
      monthDay: "31",
      monthWeek: "-1",
      monthWeekday: "5",
      ends: "count",
      count: "6",
      untilDate: "2027-01-01",
    }).draft;
    expect(monthlyByWeekday).toMatchObject({ weekdays: [], monthDay: undefined, monthWeek: "-1", monthWeekday: "5" });
    expect(monthlyByWeekday).toMatchObject({ count: "6", untilDate: undefined });
    const once = draftFromFields({ ...base, frequency: "once", interval: "9", ends: "until", untilDate: "2027-01-01" });
    expect(once.draft).toMatchObject({ interval: "1", weekdays: [], untilDate: undefined });
    // Contacts only count with a customer.
    expect(draftFromFields({ ...base, contactIds: ["minseo"] }).people.contactIds).toEqual([]);
  });

  it("show a saved ritual as it was typed, and read back to the same ritual", () => {
    const draft = draftFromFields({
      ...fieldsForNewRitual("check-in", context),
      frequency: "monthly",
      monthlyBy: "day",
      monthDay: "15",
      ends: "until",
      untilDate: "2027-06-30",
    }).draft;
    const parsed = validateRitual(draft);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
    const input = parsed.data;
    const saved = {
      ...input,
      id: "r1",
      startMinutes: input.startTime,
      rotationStarts: rotationStartsOf(input),
      monthDay: input.monthDay ?? null,
      monthWeek: input.monthWeek ?? null,
      monthWeekday: input.monthWeekday ?? null,
      untilDate: input.untilDate ?? null,
      count: input.count ?? null,
    };
    const people = { hostIds: ["lena"], participantIds: ["jiwoo"], contactIds: [] };
    const again = validateRitual(draftFromFields(fieldsFromRitual(saved, people, null)).draft);
    expect(again).toEqual(parsed);
  });

  it("travel in a query string with every checkbox kept", () => {
    const fields = fieldsForNewRitual("check-in", context);
    const params = new URLSearchParams(fieldsToSearch(fields, { startTime: "09:15" }));
    expect(params.getAll("weekdays")).toEqual(["2", "4"]);
    expect(params.getAll("participantIds")).toEqual(["jiwoo", "sam"]);
    expect(params.get("startTime")).toBe("09:15");
    expect(params.get("title")).toBe("Customer tea time");
  });
});

describe("a rotation in the editor", () => {
  const base = {
    kind: "check-in" as const,
    title: "Check-in",
    timeZone: "Asia/Seoul",
    startTime: "09:00",
    startDate: "2026-12-02",
  };

  it("reads the other start times typed, and starts the turns with the start time", () => {
    const parsed = validateRitual({ ...base, rotationTimes: "17:00, 21:30" });
    expect(parsed.success && rotationStartsOf(parsed.data)).toEqual([540, 1020, 1290]);
    const none = validateRitual({ ...base, rotationTimes: "" });
    expect(none.success && rotationStartsOf(none.data)).toEqual([]);
  });

  it("says what is wrong beside the field", () => {
    const errors = (rotationTimes: string, extra = {}) => {
      const parsed = validateRitual({ ...base, rotationTimes, ...extra });
      return parsed.success ? {} : parsed.errors;
    };
    expect(errors("5pm")).toEqual({ rotationTimes: "validation.rotationTimesInvalid" });
    expect(errors("24:00")).toEqual({ rotationTimes: "validation.rotationTimesInvalid" });
    expect(errors("10:00, 11:00, 12:00")).toEqual({ rotationTimes: "validation.rotationTooLong" });
    expect(errors("09:00")).toEqual({ rotationTimes: "validation.rotationRepeats" });
    expect(errors("17:00", { frequency: "once" })).toEqual({ rotationTimes: "validation.rotationNeedsSeries" });
  });
});
