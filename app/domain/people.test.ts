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

  it("accepts a night shift that ends the next morning", () => {
    const result = validate(memberSchema, { ...member, workStart: "22:00", workEnd: "06:00" });
    expect(result.success && [result.data.workStart, result.data.workEnd]).toEqual([1320, 360]);
  });

  it("refuses unknown zones, bad emails, empty weeks and days with no length", () => {
    const result = validate(memberSchema, {
      ...member,
      email: "not-an-email",
      timeZone: "Asia/Atlantis",
      workStart: "09:00",
      workEnd: "09:00",
      workDays: [],
    });
    expect(result.success ? {} : result.errors).toEqual({
      email: "validation.emailInvalid",
      timeZone: "validation.timeZoneUnknown",
      workDays: "validation.workDaysRequired",
      workEnd: "validation.workHoursEmpty",
    });
  });
});

describe("contact validation", () => {
  it("leaves the zone empty to mean the customer's own", () => {
    const result = validate(contactSchema, { name: "Min-seo Kim", email: "minseo@example.com", timeZone: "" });
    expect(result.success && result.data.timeZone).toBeUndefined();
  });

  it("still refuses a zone that does not exist", () => {
    const result = validate(contactSchema, { name: "Min-seo Kim", email: "minseo@example.com", timeZone: "Atlantis" });
    expect(result.success ? {} : result.errors).toEqual({ timeZone: "validation.timeZoneUnknown" });
  });

  it("finds the zone from a city typed on its own", () => {
    for (const [typed, zone] of [
      ["Seoul", "Asia/Seoul"],
      ["berlin", "Europe/Berlin"],
      ["Los Angeles", "America/Los_Angeles"],
      [" kolkata ", "Asia/Kolkata"],
    ]) {
      const result = validate(contactSchema, { name: "Min-seo Kim", email: "minseo@example.com", timeZone: typed });
      expect(result.success && result.data.timeZone, typed).toBe(zone);
    }
  });
});

describe("every problem at once", () => {
  it("checks the working day's length even when the name and zone are wrong too", () => {
    const result = validate(memberSchema, {
      ...member,
      name: " ",
      timeZone: "PST",
      workStart: "09:00",
      workEnd: "09:00",
    });
    expect(result.success ? {} : result.errors).toEqual({
      name: "validation.nameRequired",
      timeZone: expect.stringMatching(/^validation\./),
      workEnd: "validation.workHoursEmpty",
    });
  });
});
