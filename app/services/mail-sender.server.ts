import { env } from "~/utils/env.server";
import { CLAIM_MS, claimMail, dueMailIds, markDelivered, markFailed } from "~/models/mail.server";
import { queueDueAgendas, queueDueDigests } from "~/services/reminders.server";
import { configuredTransport, type MailTransport } from "~/mail/transport.server";
import { refreshBusySources } from "~/services/busy-sources.server";

/**
 * What the app mails, and when: invites when a series or a meeting changes,
 * each person's daily digest of follow-up reminders at 08:00 on their clock,
 * the agenda to hosts at go-early time, and a tea time's recap to the customer.
 * Every mail has a key, so two instances (or a resent form) queue it once.
 */

/**
 * Sends what is due, claiming each mail just before it goes, so a slow SMTP
 * server cannot outlast the claims of mail still waiting in the batch. A
 * failure is kept with its error and tried again later. `now` is the round's
 * clock: it moves on with real time while the round sends.
 */
export async function deliverQueuedMail(
  now = Date.now(),
  transport: MailTransport = configuredTransport(),
  { leaseMs = CLAIM_MS } = {},
) {
  const started = Date.now();
  const clock = () => now + (Date.now() - started);
  let sent = 0;
  for (const id of await dueMailIds(now)) {
    const mail = await claimMail(id, clock(), leaseMs);
    if (!mail) continue;
    sent++;
    try {
      await markDelivered(mail, await transport.send(mail), now);
    } catch (error) {
      await markFailed(mail, error instanceof Error ? error.message : String(error), now);
    }
  }
  return sent;
}

/** One round of the sender: reminders and agendas that came due, then delivery. */
export async function runMailRound(now = Date.now(), transport?: MailTransport): Promise<void> {
  await queueDueDigests(now);
  await queueDueAgendas(now);
  await deliverQueuedMail(now, transport);
}

/** Delivers what is queued at once, when this process sends mail. */
let deliverNow: (() => void) | null = null;

/** For mail someone is waiting for (a sign-up link): sent now rather than at the next tick. */
export function sendMailSoon(): void {
  deliverNow?.();
}

/** Runs `work` unless a run of it is still going. */
function oneAtATime(work: () => Promise<unknown>, failure: string): () => void {
  let running = false;
  return () => {
    if (running) return;
    running = true;
    work()
      .catch((error: unknown) => console.error(failure, error))
      .finally(() => {
        running = false;
      });
  };
}

/**
 * Sends mail from this process: at once when mail someone waits for is queued
 * here, and, when `rounds`, a whole round every MAIL_TICK_SECONDS. Several
 * instances may run rounds together. Rounds go where no request waits on them
 * (the server's mail process), since a round reads every ritual.
 */
export function startMailScheduler({ rounds = true } = {}): () => void {
  deliverNow = oneAtATime(() => deliverQueuedMail(), "The mail sender failed to deliver");
  // Members' own calendars are read again in the same rounds, where no request waits on them.
  const round = oneAtATime(async () => {
    await runMailRound();
    await refreshBusySources();
  }, "The mail sender failed this round");
  const timer = rounds ? setInterval(round, env.mailTickSeconds * 1000) : null;
  timer?.unref();
  if (rounds) round();
  return () => {
    if (timer) clearInterval(timer);
    deliverNow = null;
  };
}
