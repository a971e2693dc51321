import { describe, expect, it } from "vitest";
import { createMember } from "~/models/member.server";
import { action as membersAction } from "~/routes/teams.$teamId.members._index";
import { prisma } from "~/utils/db.server";
import {
  postForm,
  sessionCookie,
  signedUpUser,
  teamOwnedBy,
  workingProfile,
  type FormAction,
} from "./support/accounts";

/** A team with its owner, a member who has an account, and a listed member who has none. */
async function team(domain: string) {
  const lead = await signedUpUser(`lead@${domain}`);
  const { teamId, memberId: leadId } = await teamOwnedBy(lead, domain);
  const mia = await signedUpUser(`mia@${domain}`);
  const joined = await createMember(teamId, { name: "Mia", email: mia.email, ...workingProfile }, undefined, {
    userId: mia.id,
  });
  const listed = await createMember(teamId, { name: "Noor", email: `noor@${domain}`, ...workingProfile });
  if (!joined.ok || !listed.ok) throw new Error("setup");
  return {
    teamId,
    leadId,
    miaId: joined.value.id,
    noorId: listed.value.id,
    lead: await sessionCookie(lead.id),
    mia: await sessionCookie(mia.id),
  };
}

const post = (teamId: string, cookie: string, fields: Record<string, string>) =>
  postForm(membersAction as FormAction, fields, { cookie, params: { teamId } });

const roleOf = async (id: string) => (await prisma.member.findUniqueOrThrow({ where: { id } })).role;

describe("roles in a team", () => {
  it("lets an owner make a signed-up member an owner and back, never the last owner, never a listed person", async () => {
    const t = await team("roles.example");
    expect((await post(t.teamId, t.lead, { intent: "make-owner", memberId: t.noorId })).status).toBe(409);
    expect(await roleOf(t.noorId)).toBe("member");

    expect((await post(t.teamId, t.lead, { intent: "make-owner", memberId: t.miaId })).status).toBe(200);
    expect(await roleOf(t.miaId)).toBe("owner");
    // Now an owner, Mia can make the lead a member; the team keeps one owner, which stays.
    expect((await post(t.teamId, t.mia, { intent: "make-member", memberId: t.leadId })).status).toBe(200);
    expect(await roleOf(t.leadId)).toBe("member");
    const lastOwner = await post(t.teamId, t.mia, { intent: "leave" });
    expect(lastOwner.status).toBe(409);
    expect(await roleOf(t.miaId)).toBe("owner");
  });

  it("refuses role changes from a member, and from someone else's team", async () => {
    const t = await team("members-only.example");
    const other = await team("other-team.example");
    const fromMember = await post(t.teamId, t.mia, { intent: "make-owner", memberId: t.miaId });
    expect(fromMember.status).toBe(403);
    const fromOutside = await post(t.teamId, other.lead, { intent: "make-owner", memberId: t.miaId });
    expect(fromOutside.status).toBe(404);
    const othersMember = await post(t.teamId, t.lead, { intent: "make-owner", memberId: other.miaId });
    expect(othersMember.status).toBe(409);
    expect([await roleOf(t.miaId), await roleOf(other.miaId)]).toEqual(["member", "member"]);
  });

  it("hands ownership over in one step, and lets a member leave", async () => {
    const t = await team("hand-over.example");
    expect((await post(t.teamId, t.lead, { intent: "hand-over", memberId: t.noorId })).status).toBe(409);
    expect(await roleOf(t.leadId)).toBe("owner");
    expect((await post(t.teamId, t.lead, { intent: "hand-over", memberId: t.miaId })).status).toBe(200);
    expect([await roleOf(t.leadId), await roleOf(t.miaId)]).toEqual(["member", "owner"]);

    const left = await post(t.teamId, t.lead, { intent: "leave" });
    expect([left.status, left.location]).toEqual([302, "/"]);
    expect(await prisma.member.count({ where: { id: t.leadId } })).toBe(0);
  });
});
