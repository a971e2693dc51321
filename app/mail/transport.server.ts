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

export function smtpTransport(url: string, from = env.mailFrom): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transporter.sendMail(nodemailerMessage(mail, from));
      return "sent";
    },
  };
}

const outboxOnly: MailTransport = {
  async send() {
    return "kept";
  },
};

export function configuredTransport(): MailTransport {
  return env.smtpUrl ? smtpTransport(env.smtpUrl) : outboxOnly;
}
