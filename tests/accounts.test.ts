import { describe, expect, it } from "vitest";
import { PER_ADDRESS, PER_PAIR, waitAfterAttempt } from "~/domain/sign-in-throttle";
import { createInvite, findUsableInvite, revokeInvite } from "~/models/invite.server";
import { joinTeam, settleClaim } from "~/services/joining.server";
import { signInSucceeded, takeSignInAttempt } from "~/models/sign-in-throttle.server";
import { getMembership, listMemberClaims } from "~/models/team.server";
import { createMember, removeMember } from "~/models/member.server";
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
    const accepted = await joinTeam(token, joiner, profile);
    expect(accepted).toEqual({ ok: true, value: { teamId } });
    expect((await getMembership(joiner.id, teamId))?.member).toMatchObject({ role: "member", timeZone: "Asia/Seoul" });

    const second = await user("second@example.com");
    expect(await joinTeam(token, second, profile)).toEqual({
      ok: false,
      errors: { form: "validation.inviteUnusable" },
    });
    expect(await getMembership(second.id, teamId)).toBeNull();
  });

  it("does not hand a listed member's history to whoever joins with that email, until an owner confirms", async () => {
    const owner = await user("owner-claim@example.com");
    const teamId = await teamOwnedBy(owner);
    const listed = await createMember(teamId, {
      name: "Min-ji Lee",
      email: "minji@example.com",
      timeZone: "Asia/Seoul",
    });
    if (!listed.ok) throw new Error("setup");
    const { token } = await createInvite(teamId, "someone");
    const claimant = await user("minji@example.com");
    expect(await joinTeam(token, claimant, profile)).toEqual({
      ok: true,
      value: { teamId, pendingAs: "Min-ji Lee" },
    });
    // Not in the team yet, and the listed member is untouched.
    expect(await getMembership(claimant.id, teamId)).toBeNull();
    expect(await listMemberClaims(teamId)).toEqual([
      {
        memberId: listed.value.id,
        memberName: "Min-ji Lee",
        user: { id: claimant.id, name: claimant.name, email: claimant.email },
      },
    ]);
    // Someone else's team cannot settle it.
    const otherTeam = await teamOwnedBy(await user("owner-elsewhere@example.com"));
    expect(await settleClaim(otherTeam, listed.value.id, true)).toBe(false);
    // Refused: still not in; confirmed after a new claim: the account is that member.
    expect(await settleClaim(teamId, listed.value.id, false)).toBe(true);
    expect(await getMembership(claimant.id, teamId)).toBeNull();
    const again = await createInvite(teamId, "someone");
    await joinTeam(again.token, claimant, profile);
    expect(await settleClaim(teamId, listed.value.id, true)).toBe(true);
    expect((await getMembership(claimant.id, teamId))?.member.id).toBe(listed.value.id);
    expect(await listMemberClaims(teamId)).toEqual([]);
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
    expect((await joinTeam(expired.token, joiner, profile)).ok).toBe(false);
  });

  it("keeps what the joiner typed wrong as field errors", async () => {
    const owner = await user("owner-typo@example.com");
    const teamId = await teamOwnedBy(owner);
    const { token } = await createInvite(teamId, "x");
    const joiner = await user("typo@example.com");
    const result = await joinTeam(token, joiner, { ...profile, timeZone: "Asia/Sole" });
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
  const pair = (email: string, address: string) => ({ key: `pair:${email}|${address}`, rule: PER_PAIR });
  const office = (address: string) => ({ key: `address:${address}`, rule: PER_ADDRESS });

  it("lets exactly the free attempts through when thirty guesses arrive at once", async () => {
    const keys = [pair("victim@example.com", "203.0.113.7"), office("203.0.113.7")];
    const now = Date.parse("2026-11-23T10:00:00Z");
    const waits = await Promise.all(Array.from({ length: 30 }, () => takeSignInAttempt(keys, now)));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(PER_PAIR.freeAttempts);
    for (const wait of waits.filter((w) => w > 0)) expect(wait).toBeLessThanOrEqual(PER_PAIR.firstWaitSeconds);
  });

  it("backs off, doubling the wait, instead of locking the account; its owner elsewhere still gets in", async () => {
    const attacker = [pair("owner@example.com", "198.51.100.1"), office("198.51.100.1")];
    let now = Date.parse("2026-11-23T11:00:00Z");
    for (let i = 0; i < PER_PAIR.freeAttempts; i++) expect(await takeSignInAttempt(attacker, now)).toBe(0);
    expect(await takeSignInAttempt(attacker, now)).toBe(PER_PAIR.firstWaitSeconds);
    now += PER_PAIR.firstWaitSeconds * 1000;
    expect(await takeSignInAttempt(attacker, now)).toBe(0);
    // The next waits longer: every attempt counts, the refused one too (attempt 7 has just gone ahead).
    expect(await takeSignInAttempt(attacker, now + 1000)).toBe(waitAfterAttempt(7, PER_PAIR) - 1);
    // The owner, on their own address, is not held up at all.
    expect(await takeSignInAttempt([pair("owner@example.com", "192.0.2.50"), office("192.0.2.50")], now)).toBe(0);
  });

  it("counts only failures against an address: a day of colleagues signing in costs nothing", async () => {
    const now = Date.parse("2026-11-23T14:00:00Z");
    const shared = "10.1.1.1";
    for (let i = 0; i < 2 * PER_ADDRESS.freeAttempts; i++) {
      const keys = [pair(`person-${i}@example.com`, shared), office(shared)];
      expect(await takeSignInAttempt(keys, now + i)).toBe(0);
      await signInSucceeded(keys);
    }
  });

  it("does not block a whole office behind one address for one person's mistakes", async () => {
    const now = Date.parse("2026-11-23T12:00:00Z");
    const shared = "10.9.8.7";
    for (let i = 0; i < 20; i++) await takeSignInAttempt([pair("typo@example.com", shared), office(shared)], now + i);
    expect(await takeSignInAttempt([pair("colleague@example.com", shared), office(shared)], now + 30)).toBe(0);
  });

  it("forgets a pair's attempts after a successful sign-in, and starts again after a quiet window", async () => {
    const keys = [pair("forgetful@example.com", "192.0.2.9")];
    const now = Date.parse("2026-11-23T13:00:00Z");
    for (let i = 0; i < PER_PAIR.freeAttempts; i++) await takeSignInAttempt(keys, now);
    await signInSucceeded([...keys, office("192.0.2.9")]);
    expect(await takeSignInAttempt(keys, now)).toBe(0);
    for (let i = 0; i < PER_PAIR.freeAttempts; i++) await takeSignInAttempt(keys, now);
    const later = now + (PER_PAIR.windowMinutes + 1) * 60_000;
    expect(await takeSignInAttempt(keys, later)).toBe(0);
  });
});
