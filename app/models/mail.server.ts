/**
 * The outbox: mail queued whole, claimed by one instance at a time, sent,
 * retried with backoff when sending fails, and kept for the outbox page.
 */
import { isUniqueViolation, prisma, type DbOrTransaction } from "~/utils/db.server";
import { CUSTOMER_FACTS } from "./ritual.server";
import { DAY } from "~/domain/durations";
import { isoFromDay } from "~/domain/local-dates";

export type MailKind = "invite" | "cancel" | "digest" | "agenda" | "recap" | "account";

export interface MailDraft {
  /** None for mail about a person's account (a sign-up link, a password reset). */
  teamId: string | null;
  dedupeKey: string;
  kind: MailKind;
  memberId?: string | null;
  toName: string;
  toAddress: string;
  subject: string;
  text: string;
  calendar?: string | null;
  calendarMethod?: "REQUEST" | "CANCEL" | null;
}

/**
 * How long a claim holds: a sender that died mid-send frees its mail after
 * this. Longer than a send may take (SEND_DEADLINE_MS), so a claim never runs
 * out while its mail is still being sent.
 */
export const CLAIM_MS = 5 * 60_000;
/** Attempts before a mail is given up on (about a day of backoff in all). */
export const MAX_ATTEMPTS = 8;

/** Minutes to wait after the n-th failed attempt: 1, 2, 4 ... capped at 4 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** (attempts - 1), 240) * 60_000;
}

/** A draft as stored: queued, and due, at `now`. */
const queuedAt = (draft: MailDraft, now: number) => ({
  ...draft,
  createdAt: new Date(now),
  nextAttemptAt: new Date(now),
});

/**
 * Queues each draft unless one with its key was queued already: answers how
 * many were new. Called inside the action's transaction, so the mail lands
 * with the change it tells of; another instance queueing the same key at the
 * same moment fails the transaction, which `inTransaction` runs again.
 */
export async function queueMail(
  drafts: readonly MailDraft[],
  now: number,
  db: DbOrTransaction = prisma,
): Promise<number> {
  if (drafts.length === 0) return 0;
  const taken = await db.mail.findMany({
    where: { dedupeKey: { in: drafts.map((draft) => draft.dedupeKey) } },
    select: { dedupeKey: true },
  });
  const queued = new Set(taken.map((mail) => mail.dedupeKey));
  const fresh = drafts.filter((draft) => !queued.has(draft.dedupeKey) && queued.add(draft.dedupeKey));
  if (fresh.length > 0) await db.mail.createMany({ data: fresh.map((draft) => queuedAt(draft, now)) });
  return fresh.length;
}

/** Whether a mail with this key was ever queued. */
export async function mailQueued(dedupeKey: string): Promise<boolean> {
  return (await prisma.mail.count({ where: { dedupeKey } })) > 0;
}

/** Up to `limit` mails that are due and not claimed by a sender: candidates, each claimed on its own just before it is sent. */
export async function dueMailIds(now: number, limit = 20): Promise<string[]> {
  const due = await prisma.mail.findMany({
    where: { status: "queued", nextAttemptAt: { lte: new Date(now) }, ...claimFree(now) },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true },
  });
  return due.map((mail) => mail.id);
}

const claimFree = (now: number) => ({ OR: [{ claimedUntil: null }, { claimedUntil: { lt: new Date(now) } }] });

/**
 * Claims one mail for `leaseMs` with one conditional update, so two
 * instances never hold the same mail: the mail, or null when it was sent or
 * claimed meanwhile.
 */
export async function claimMail(id: string, now: number, leaseMs = CLAIM_MS) {
  const { count } = await prisma.mail.updateMany({
    where: { id, status: "queued", ...claimFree(now) },
    data: { claimedUntil: new Date(now + leaseMs) },
  });
  return count === 1 ? prisma.mail.findUnique({ where: { id } }) : null;
}

export type ClaimedMail = NonNullable<Awaited<ReturnType<typeof claimMail>>>;

/** What is kept of an account mail once sent: its link opens an account, so only the mailbox holds it. */
const SENT_ACCOUNT_MAIL_TEXT = "(Sent. The link it held is kept only in the recipient's mailbox.)";

/** Sent through SMTP, or kept in the outbox when there is none. */
export async function markDelivered(mail: ClaimedMail, status: "sent" | "kept", now: number): Promise<void> {
  await prisma.mail.update({
    where: { id: mail.id },
    data: {
      status,
      sentAt: new Date(now),
      claimedUntil: null,
      lastError: null,
      attempts: { increment: 1 },
      ...(status === "sent" && mail.kind === "account" ? { text: SENT_ACCOUNT_MAIL_TEXT } : {}),
    },
  });
}

/** A failed attempt: tried again later with backoff, or given up after MAX_ATTEMPTS. */
export async function markFailed(mail: ClaimedMail, error: string, now: number): Promise<void> {
  const attempts = mail.attempts + 1;
  await prisma.mail.update({
    where: { id: mail.id },
    data: {
      attempts,
      lastError: error.slice(0, 1000),
      claimedUntil: null,
      status: attempts >= MAX_ATTEMPTS ? "failed" : "queued",
      nextAttemptAt: new Date(now + retryDelayMs(attempts)),
    },
  });
}

/** The team's mail, newest first: all of it for owners, a member's own otherwise. */
export async function listMail(teamId: string, viewer: { memberId: string; isOwner: boolean }, take = 200) {
  return prisma.mail.findMany({
    where: { teamId, ...(viewer.isOwner ? {} : { memberId: viewer.memberId }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

export async function getMail(teamId: string, id: string, viewer: { memberId: string; isOwner: boolean }) {
  return prisma.mail.findFirst({ where: { id, teamId, ...(viewer.isOwner ? {} : { memberId: viewer.memberId }) } });
}

/** A member's account's language, which their mail is written in. */
const LANGUAGE = { select: { language: true } } as const;

/** The reminders among `keys` that were given already. */
export async function givenNudges(keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await prisma.nudge.findMany({ where: { key: { in: [...keys] } }, select: { key: true } });
  return new Set(rows.map((row) => row.key));
}

/**
 * Queues a digest and records the reminders it carries, together: if another
 * instance queued this digest first, nothing is written and false comes back.
 */
export async function queueDigest(draft: MailDraft, nudgeKeys: readonly string[], now: number): Promise<boolean> {
  try {
    await prisma.$transaction(async (db) => {
      await db.mail.create({ data: queuedAt(draft, now) });
      for (const key of nudgeKeys) await db.nudge.upsert({ where: { key }, create: { key }, update: {} });
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Every open follow-up with an owner, with what a reminder needs: the owner, the meeting, the account owner. */
export async function openFollowUpsForReminders() {
  return prisma.followUp.findMany({
    where: { status: "open", ownerId: { not: null } },
    select: {
      id: true,
      title: true,
      kind: true,
      status: true,
      dueDate: true,
      shared: true,
      lastUpdatedAt: true,
      owner: {
        select: { id: true, name: true, email: true, timeZone: true, emailsOff: true, teamId: true, user: LANGUAGE },
      },
      notePage: {
        select: {
          meeting: {
            select: {
              originalStart: true,
              ritual: {
                select: {
                  id: true,
                  teamId: true,
                  title: true,
                  customer: { select: { name: true } },
                  team: { select: { name: true } },
                  attendees: {
                    where: { role: "host" },
                    orderBy: { memberId: "asc" },
                    select: {
                      member: {
                        select: { id: true, name: true, email: true, timeZone: true, emailsOff: true, user: LANGUAGE },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
  });
}

/** Every ritual with its team's name and its hosts, for the agenda sent at go-early time. */
/**
 * Time away that may hold today somewhere on Earth (from yesterday to
 * tomorrow in UTC dates), with whoever covers as reminders address them.
 */
export function timeAwayAround(now: number) {
  const day = Math.floor(now / DAY);
  return prisma.timeAway.findMany({
    where: { firstDay: { lte: isoFromDay(day + 1) }, lastDay: { gte: isoFromDay(day - 1) } },
    select: {
      memberId: true,
      firstDay: true,
      lastDay: true,
      delegate: {
        select: { id: true, name: true, email: true, timeZone: true, emailsOff: true, teamId: true, user: LANGUAGE },
      },
    },
  });
}

export async function ritualsWithHosts() {
  return prisma.ritual.findMany({
    include: {
      team: { select: { name: true } },
      customer: CUSTOMER_FACTS,
      attendees: {
        where: { role: "host" },
        select: {
          member: { select: { id: true, name: true, email: true, timeZone: true, emailsOff: true, user: LANGUAGE } },
        },
      },
    },
  });
}
