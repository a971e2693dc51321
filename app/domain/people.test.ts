import { describe, expect, it } from "vitest";
import { contactSchema, memberSchema } from "./people";
import { validate } from "./validation";

const member = { name: "Ji-woo Park", email: "JIWOO@example.com ", timeZone: "Asia/Seoul" };

describe("member validation", () => {
  it("defaults to a 09:00-18:00 working day on weekdays and normalises the email", () => {
    const result = validate(memberSchema, member);
    expect(result.success && result.data).toMatchObject({
      email: "jiwoo@example.com",
      workStart: 540,
      workEnd: 1080,
      workDays: [1, 2, 3, 4, 5],
    });
  });

  it("allows a working day that runs to midnight", () => {
    const result = validate(memberSchema, { ...member, workStart: "16:00", workEnd: "24:00" });
    expect(result.success && result.data.workEnd).toBe(1440);
  });

  it("refuses unknown zones, bad emails, empty weeks and days that end before they start", () => {
    const result = validate(memberSchema, {
      ...member,
      email: "not-an-email",
      timeZone: "Asia/Atlantis",
      workStart: "17:00",
      workEnd: "09:00",
      workDays: [],
    });
    expect(result.success ? {} : result.errors).toEqual({
      email: "validation.emailInvalid",
      timeZone: "validation.timeZoneUnknown",
      workDays: "validation.workDaysRequired",
      workEnd: "validation.workEndBeforeStart",
    });
  });
});

describe("contact validation", () => {
  it("leaves the zone empty to mean the customer's own", () => {
    const result = validate(contactSchema, { name: "Min-seo Kim", email: "minseo@example.com", timeZone: "" });
    expect(result.success && result.data.timeZone).toBeUndefined();
  });

  it("still refuses a zone that does not exist", () => {
    const result = validate(contactSchema, { name: "Min-seo Kim", email: "minseo@example.com", timeZone: "Seoul" });
    expect(result.success ? {} : result.errors).toEqual({ timeZone: "validation.timeZoneUnknown" });
  });
});
