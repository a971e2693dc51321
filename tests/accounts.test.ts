import { describe, expect, it } from "vitest";
import { PER_EMAIL } from "~/domain/sign-in-throttle";
import { acceptInvite, createInvite, findUsableInvite, revokeInvite } from "~/models/invite.server";
import { clearSignInFailures, recordSignInFailure, signInRetryAfter } from "~/models/sign-in-throttle.server";
import { getMembership, removeMember } from "~/models/team.server";
import { createUser, verifyLogin } from "~/models/user.server";
import { signedUpUser as user, teamOwnedBy as newTeam, workingProfile } from "./support/accounts";

const profile = { ...workingProfile, name: "Someone", timeZone: "Asia/Seoul" };
const teamOwnedBy = async (owner: Awaited<ReturnType<typeof user>>) => (await newTeam(owner)).teamId;

describe("accounts", () => {
  it("stores a hash, never the password, and verifies it", async () => {
    const created = await user("Hash@Example.com");
    expect(created.email).toBe("hash@example.com");
    expect(await verifyLogin("HASH@example.com", "correct horse battery")).toMatchObject({ id: created.id });
    expect(await verifyLogin("hash@example.com", "wrong horse battery")).toBeNull();
    expect(await verifyLogin("nobody@example.com", "correct horse battery")).toBeNull();
  });

  it("refuses short passwords and a second account for one email", async () => {
    const short = await createUser({ name: "A", email: "short@example.com", password: "123" });
    expect(short.ok ? {} : short.errors).toEqual({ password: "validation.passwordTooShort" });
    await user("twice@example.com");
    const again = await createUser({ name: "B", email: "TWICE@example.com", password: "long enough pass" });
    expect(again.ok ? {} : again.errors).toEqual({ email: "validation.accountExists" });
  });
});

describe("invites", () => {
  it("lets one person join with a link, once", async () => {
    const owner = await user("owner-invite@example.com");
    const teamId = await teamOwnedBy(owner);
    const { token } = await createInvite(teamId, "someone");
    const joiner = await user("joiner@example.com");
    const accepted = await acceptInvite(token, joiner, profile);
    expect(accepted).toEqual({ ok: true, value: { teamId } });
    expect((await getMembership(joiner.id, teamId))?.member).toMatchObject({ role: "member", timeZone: "Asia/Seoul" });

    const second = await user("second@example.com");
    expect(await acceptInvite(token, second, profile)).toEqual({
      ok: false,
      errors: { form: "validation.inviteUnusable" },
    });
    expect(await getMembership(second.id, teamId)).toBeNull();
  });

  it("refuses expired, revoked and made-up links", async () => {
    const owner = await user("owner-expiry@example.com");
    const teamId = await teamOwnedBy(owner);
    const longAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    const expired = await createInvite(teamId, "x", longAgo);
    expect(await findUsableInvite(expired.token)).toBeNull();
    const revoked = await createInvite(teamId, "x");
    expect(await revokeInvite(teamId, revoked.id)).toBe(true);
    expect(await findUsableInvite(revoked.token)).toBeNull();
    expect(await findUsableInvite("made-up-token")).toBeNull();
    const joiner = await user("late@example.com");
    expect((await acceptInvite(expired.token, joiner, profile)).ok).toBe(false);
  });

  it("keeps what the joiner typed wrong as field errors", async () => {
    const owner = await user("owner-typo@example.com");
    const teamId = await teamOwnedBy(owner);
    const { token } = await createInvite(teamId, "x");
    const joiner = await user("typo@example.com");
    const result = await acceptInvite(token, joiner, { ...profile, timeZone: "Asia/Sole" });
    expect(result).toEqual({ ok: false, errors: { timeZone: "validation.timeZoneUnknown" } });
    expect(await findUsableInvite(token)).not.toBeNull();
  });
});

describe("members", () => {
  it("never removes a team's last owner", async () => {
    const owner = await user("last-owner@example.com");
    const teamId = await teamOwnedBy(owner);
    const membership = await getMembership(owner.id, teamId);
    expect(await removeMember(teamId, membership!.member.id)).toEqual({
      ok: false,
      errors: { form: "validation.lastOwner" },
    });
  });
});

describe("sign-in throttle in the database", () => {
  it("engages after repeated failures and releases after the wait", async () => {
    const keys = [{ key: "email:victim@example.com", rule: PER_EMAIL }];
    const start = Date.parse("2026-11-22T10:00:00Z");
    for (let i = 0; i < PER_EMAIL.maxFailures; i++) {
      expect(await signInRetryAfter(keys, start + i * 1000)).toBe(0);
      await recordSignInFailure(keys, start + i * 1000);
    }
    const blockedAt = start + PER_EMAIL.maxFailures * 1000;
    expect(await signInRetryAfter(keys, blockedAt)).toBeGreaterThan(14 * 60);
    expect(await signInRetryAfter(keys, start + 16 * 60 * 1000)).toBe(0);
  });

  it("forgets an account's failures after a successful sign-in", async () => {
    const keys = [{ key: "email:forgetful@example.com", rule: PER_EMAIL }];
    for (let i = 0; i < PER_EMAIL.maxFailures - 1; i++) await recordSignInFailure(keys);
    await clearSignInFailures(keys[0]!.key);
    await recordSignInFailure(keys);
    expect(await signInRetryAfter(keys)).toBe(0);
  });
});
