import { env } from "~/utils/env.server";
import { CLAIM_MS, claimMail, dueMailIds, markDelivered, markFailed } from "~/models/mail.server";
import { queueDueAgendas, queueDueDigests } from "~/services/reminders.server";
import { configuredTransport, type MailTransport } from "~/mail/transport.server";

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

/** Starts this process's next round at once, when its scheduler runs. */
let startRound: (() => void) | null = null;

/** For mail someone is waiting for (a sign-up link): sent now rather than at the next tick. */
export function sendMailSoon(): void {
  startRound?.();
}

/** Runs the sender in this process every MAIL_TICK_SECONDS; several instances may run it together. */
export function startMailScheduler(): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runMailRound();
    } catch (error) {
      console.error("The mail sender failed this round", error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, env.mailTickSeconds * 1000);
  timer.unref();
  startRound = () => void tick();
  void tick();
  return () => {
    clearInterval(timer);
    startRound = null;
  };
}
