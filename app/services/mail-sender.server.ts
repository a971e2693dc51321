import { env } from "~/utils/env.server";
import { claimDueMail, markDelivered, markFailed } from "~/models/mail.server";
import { queueDueAgendas, queueDueDigests } from "~/services/reminders.server";
import { configuredTransport, type MailTransport } from "~/mail/transport.server";

/**
 * What the app mails, and when: invites when a series or a meeting changes,
 * each person's daily digest of follow-up reminders at 08:00 on their clock,
 * the agenda to hosts at go-early time, and a tea time's recap to the customer.
 * Every mail has a key, so two instances (or a resent form) queue it once.
 */

/** Sends what is due; a failure is kept with its error and tried again later. */
export async function deliverQueuedMail(now = Date.now(), transport: MailTransport = configuredTransport()) {
  const claimed = await claimDueMail(now);
  for (const mail of claimed) {
    try {
      await markDelivered(mail.id, await transport.send(mail), now);
    } catch (error) {
      await markFailed(mail, error instanceof Error ? error.message : String(error), now);
    }
  }
  return claimed.length;
}

/** One round of the sender: reminders and agendas that came due, then delivery. */
export async function runMailRound(now = Date.now(), transport?: MailTransport): Promise<void> {
  await queueDueDigests(now);
  await queueDueAgendas(now);
  await deliverQueuedMail(now, transport);
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
  void tick();
  return () => clearInterval(timer);
}
