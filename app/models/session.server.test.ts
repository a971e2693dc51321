import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { signedUpUser, TEST_PASSWORD } from "~tests/support/accounts";
import { createSession, revokeAllSessions, revokeSession, SESSION_DAYS, sessionUser } from "./session.server";
import { changePassword, verifyLogin } from "./user.server";
import { DAY } from "~/domain/durations";

describe("sessions kept in the database", () => {
  it("signs in with the token and out for good, wherever the cookie was copied", async () => {
    const user = await signedUpUser("sessions@example.com");
    const token = await createSession(user.id);
    expect((await sessionUser(token))?.id).toBe(user.id);
    // Only the token's hash is stored.
    expect(await prisma.session.count({ where: { id: token } })).toBe(0);
    await revokeSession(token);
    expect(await sessionUser(token)).toBeNull();
    expect(await sessionUser("made-up")).toBeNull();
  });

  it("expires unused, and use keeps it alive", async () => {
    const user = await signedUpUser("expiry@example.com");
    const start = Date.parse("2026-11-23T12:00:00Z");
    const token = await createSession(user.id, start);
    expect((await sessionUser(token, start + (SESSION_DAYS - 1) * DAY))?.id).toBe(user.id);
    // That use moved the end on: thirty days from it, not from the start.
    expect((await sessionUser(token, start + (SESSION_DAYS + 5) * DAY))?.id).toBe(user.id);
    // Unused for thirty days after that, it is over.
    expect(await sessionUser(token, start + (2 * SESSION_DAYS + 6) * DAY)).toBeNull();
  });

  it("signs out everywhere at once, and a new password does the same", async () => {
    const user = await signedUpUser("everywhere@example.com");
    const [laptop, phone] = [await createSession(user.id), await createSession(user.id)];
    expect(await revokeAllSessions(user.id)).toBe(2);
    expect(await sessionUser(laptop)).toBeNull();
    expect(await sessionUser(phone)).toBeNull();

    const again = await createSession(user.id);
    expect(
      await changePassword(user.id, { currentPassword: "wrong one!", newPassword: "a new long password" }),
    ).toEqual({
      ok: false,
      errors: { currentPassword: "validation.currentPasswordWrong" },
    });
    expect((await sessionUser(again))?.id).toBe(user.id);
    expect(await changePassword(user.id, { currentPassword: TEST_PASSWORD, newPassword: "short" })).toMatchObject({
      ok: false,
      errors: { newPassword: "validation.passwordTooShort" },
    });
    expect(
      await changePassword(user.id, { currentPassword: TEST_PASSWORD, newPassword: "a new long password" }),
    ).toEqual({
      ok: true,
      value: null,
    });
    expect(await sessionUser(again)).toBeNull();
    expect(await verifyLogin(user.email, TEST_PASSWORD)).toBeNull();
    expect(await verifyLogin(user.email, "a new long password")).toMatchObject({ id: user.id });
  });
});
