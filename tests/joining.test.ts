import { describe, expect, it } from "vitest";
import { createInvite, findUsableInvite, listOpenInvites, revokeInvite, inviteStateFor } from "~/models/invite.server";
import { createMember } from "~/models/member.server";
import { claimsOfUser, getMembership } from "~/models/team.server";
import { loader as homeLoader } from "~/routes/_index";
import { action as signUpAction } from "~/routes/sign-up";
import { action as welcomeAction } from "~/routes/welcome.$token";
import { joinTeam, mailInvites, settleClaim } from "~/services/joining.server";
import { requireMember } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { postForm, sessionCookie, signedUpUser, teamOwnedBy, TEST_PASSWORD, workingProfile } from "./support/accounts";
import { smtpForThisFile } from "./support/smtp";

const smtp = smtpForThisFile();

/** Every mail the address got so far, sent through the loopback SMTP server. */
async function mailsTo(address: string) {
  await smtp.send(Date.now());
  return smtp.sentTo(address).map((mail) => ({ subject: mail.subject ?? "", text: mail.text ?? "" }));
}

const tokensIn = (text: string, path: string) =>
  [...text.matchAll(new RegExp(`${path}/([A-Za-z0-9_-]{43})`, "g"))].map((match) => match[1]!);

const profile = { ...workingProfile, name: "Joiner" };

/** A team with an owner, and a member listed by address before they have an account. */
async function teamListing(email: string, ownerEmail: string) {
  const owner = await signedUpUser(ownerEmail);
  const team = await teamOwnedBy(owner, "Northwind");
  const listed = await createMember(team.teamId, { name: "Min-ji Lee", email, timeZone: "Asia/Seoul" });
  if (!listed.ok) throw new Error("setup");
  return { owner, ...team, listedId: listed.value.id };
}

/** What a request from the signed-in user to the team's pages gets: the membership, or the thrown answer. */
async function teamPageAs(userId: string, teamId: string) {
  const request = new Request(`http://localhost/teams/${teamId}`, { headers: { cookie: await sessionCookie(userId) } });
  try {
    return { status: 200, member: (await requireMember(request, teamId)).member.id };
  } catch (thrown) {
    const response = thrown as { init?: { status?: number }; status?: number; data?: unknown };
    return { status: response.init?.status ?? response.status, data: response.data };
  }
}

describe("a listed member who signs up", () => {
  it("waits for an owner, who is mailed a link to confirm; the home page and the team's pages say so", async () => {
    const { owner, teamId, listedId } = await teamListing("minji@join.example", "owner@join.example");
    const lead = (await getMembership(owner.id, teamId))!.member;
    await mailInvites(teamId, { ...lead, userId: owner.id }, { addresses: "minji@join.example" });
    await postForm(signUpAction, { name: "Min-ji", email: "minji@join.example", password: TEST_PASSWORD });
    const [, welcome] = await mailsTo("minji@join.example");
    const signedUp = await postForm(welcomeAction, {}, { params: { token: tokensIn(welcome!.text, "/welcome")[0]! } });
    expect([signedUp.status, signedUp.location]).toEqual([302, "/"]);
    const minji = (await prisma.user.findUniqueOrThrow({ where: { email: "minji@join.example" } })).id;

    expect(await getMembership(minji, teamId)).toBeNull();
    expect(await claimsOfUser(minji)).toEqual([{ name: "Min-ji Lee", team: { id: teamId, name: "Northwind" } }]);
    const home = await homeLoader({
      request: new Request("http://localhost/", { headers: { cookie: await sessionCookie(minji) } }),
      params: {},
      context: {},
    });
    expect(home).toEqual({ teams: [], waiting: [{ team: "Northwind", member: "Min-ji Lee" }] });
    expect(await teamPageAs(minji, teamId)).toEqual({
      status: 403,
      data: { waiting: { team: "Northwind", member: "Min-ji Lee" } },
    });

    const [toOwner, ...more] = await mailsTo(owner.email);
    expect(more).toEqual([]);
    expect(toOwner!.subject).toBe("Is this Min-ji Lee? Someone waits to join Northwind");
    expect(toOwner!.text).toContain("Min-ji <minji@join.example>");
    expect(toOwner!.text).toContain(`/teams/${teamId}/members#claims`);

    expect(await settleClaim(teamId, listedId, true)).toBe(true);
    expect((await getMembership(minji, teamId))?.member.id).toBe(listedId);
    expect(await teamPageAs(minji, teamId)).toEqual({ status: 200, member: listedId });
    // The link mailed to her before she signed up is used up by her joining.
    expect(await listOpenInvites(teamId)).toEqual([]);
    const [settled] = (await mailsTo("minji@join.example")).slice(2);
    expect(settled?.subject).toBe("You are in Northwind");
    // Settled once: a second answer finds nothing to settle and mails nobody.
    expect(await settleClaim(teamId, listedId, false)).toBe(false);
    expect(await mailsTo("minji@join.example")).toHaveLength(3);
  });

  it("is told when an owner refuses, and stays out", async () => {
    const { teamId, listedId } = await teamListing("refused@join.example", "owner2@join.example");
    const claimant = await signedUpUser("refused@join.example");
    const { token } = await createInvite(teamId, "owner");
    expect(await joinTeam(token, claimant, profile)).toEqual({ ok: true, value: { teamId, pendingAs: "Min-ji Lee" } });
    expect((await mailsTo("owner2@join.example"))[0]?.subject).toBe(
      "Is this Min-ji Lee? Someone waits to join Northwind",
    );
    expect(await inviteStateFor(token, claimant.id)).toEqual({
      state: "waiting",
      teamName: "Northwind",
      memberName: "Min-ji Lee",
    });

    expect(await settleClaim(teamId, listedId, false)).toBe(true);
    expect(await getMembership(claimant.id, teamId)).toBeNull();
    expect(await teamPageAs(claimant.id, teamId)).toMatchObject({ status: 404 });
    expect((await mailsTo("refused@join.example")).map((mail) => mail.subject)).toEqual([
      "Your request to join Northwind",
    ]);
    expect(await inviteStateFor(token, claimant.id)).toEqual({ state: "gone" });
  });
});

describe("invites mailed by an owner", () => {
  it("mails each address its own link, which works once and can be revoked", async () => {
    const owner = await signedUpUser("lead@mailed.example");
    const { teamId, memberId } = await teamOwnedBy(owner, "Crew");
    const sent = await mailInvites(
      teamId,
      { id: memberId, name: "Lena", userId: owner.id },
      { addresses: "Ada <ada@mailed.example>, bo@mailed.example\nADA@mailed.example; cy@mailed.example" },
    );
    expect(sent).toEqual({ ok: true, value: { sent: 3 } });
    const links = await Promise.all(
      ["ada", "bo", "cy"].map(async (name) => {
        const mails = await mailsTo(`${name}@mailed.example`);
        expect(mails.map((mail) => mail.subject)).toEqual(["Join Crew on Rituals"]);
        expect(mails[0]!.text).toContain("Lena invites you to Crew");
        return tokensIn(mails[0]!.text, "/invite")[0]!;
      }),
    );
    expect(new Set(links).size).toBe(3);
    const open = await listOpenInvites(teamId);
    expect(open.map((invite) => invite.email).sort()).toEqual([
      "ada@mailed.example",
      "bo@mailed.example",
      "cy@mailed.example",
    ]);

    const ada = await signedUpUser("ada@mailed.example");
    expect(await joinTeam(links[0]!, ada, profile)).toEqual({ ok: true, value: { teamId } });
    expect(await inviteStateFor(links[0]!, ada.id)).toEqual({ state: "member", teamId });
    const stranger = await signedUpUser("stranger@mailed.example");
    expect(await inviteStateFor(links[0]!, stranger.id)).toEqual({ state: "gone" });

    const bo = open.find((invite) => invite.email === "bo@mailed.example")!;
    expect(await revokeInvite(teamId, bo.id)).toBe(true);
    expect(await findUsableInvite(links[1]!)).toBeNull();
    expect(await findUsableInvite(links[2]!)).not.toBeNull();
  });

  it("refuses a list with a bad address, an empty one or too many, and mails nobody", async () => {
    const owner = await signedUpUser("lead2@mailed.example");
    const { teamId, memberId } = await teamOwnedBy(owner, "Crew");
    const inviter = { id: memberId, name: "Lena", userId: owner.id };
    const tooMany = Array.from({ length: 51 }, (_, index) => `p${index}@mailed.example`).join(",");
    for (const [addresses, error] of [
      ["good@mailed.example, not-an-address", "validation.addressesInvalid"],
      [" , \n", "validation.addressesRequired"],
      [tooMany, "validation.tooManyAddresses"],
    ]) {
      expect(await mailInvites(teamId, inviter, { addresses })).toEqual({ ok: false, errors: { addresses: error } });
    }
    expect(await listOpenInvites(teamId)).toEqual([]);
    expect(await mailsTo("good@mailed.example")).toEqual([]);
  });
});
