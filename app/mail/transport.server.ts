/**
 * Where mail goes: an SMTP server (SMTP_URL), or, with none configured, the
 * outbox page only, so a new installation shows what it would send.
 */
import nodemailer from "nodemailer";
import { env } from "~/utils/env.server";
import type { ClaimedMail } from "~/models/mail.server";

export interface MailTransport {
  /** Sends one mail; throws when the server refuses it or cannot be reached. */
  send(mail: ClaimedMail): Promise<"sent" | "kept">;
}

/**
 * The message as nodemailer builds it: text, and the invite as an iTIP part.
 * Nodemailer encodes every header value, so a CR/LF in a stored name or
 * title cannot start a header of its own (tests/mail.test.ts sends such a mail).
 */
function nodemailerMessage(mail: ClaimedMail, from: string) {
  return {
    // One per queued mail, the same on every attempt: a retry after an unknown outcome is recognisably the same message.
    messageId: `<mail-${mail.id}@${new URL(env.appUrl).hostname}>`,
    from,
    to: { name: mail.toName, address: mail.toAddress },
    subject: mail.subject,
    text: mail.text,
    headers: { "Auto-Submitted": "auto-generated" },
    ...(mail.calendar && mail.calendarMethod
      ? {
          icalEvent: { method: mail.calendarMethod, filename: "invite.ics", content: mail.calendar },
        }
      : {}),
  };
}

/**
 * The longest one send may take before it counts as failed (and is tried again
 * later): shorter than a sender's claim on the mail (CLAIM_MS).
 */
export const SEND_DEADLINE_MS = 2 * 60_000;

export function smtpTransport(url: string, from = env.mailFrom): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error("The mail server did not finish within 2 minutes; the mail will be tried again.")),
          SEND_DEADLINE_MS,
        );
      });
      try {
        await Promise.race([transporter.sendMail(nodemailerMessage(mail, from)), deadline]);
      } finally {
        clearTimeout(timer);
      }
      return "sent";
    },
  };
}

const outboxOnly: MailTransport = {
  async send(mail) {
    // A sign-up or reset link belongs to no team's outbox: without SMTP, whoever runs the app reads it here.
    if (mail.kind === "account") {
      console.info(
        `No SMTP_URL: mail to ${mail.toAddress} kept, not sent.\nSubject: ${mail.subject}\n\n${mail.text}\n`,
      );
    }
    return "kept";
  },
};

export function configuredTransport(): MailTransport {
  return env.smtpUrl ? smtpTransport(env.smtpUrl) : outboxOnly;
}
