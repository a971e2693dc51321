/**
 * Where mail goes: an SMTP server (SMTP_URL), or, with none configured, the
 * outbox page only, so a new installation shows what it would send.
 */
import nodemailer from "nodemailer";
import { env } from "~/env.server";
import type { ClaimedMail } from "~/models/mail.server";

export interface MailTransport {
  /** Sends one mail; throws when the server refuses it or cannot be reached. */
  send(mail: ClaimedMail): Promise<"sent" | "kept">;
}

/** Header values on one line: a name or title can never start a header of its own. */
export function oneLine(value: string): string {
  return value
    .replace(/[\r\n\u2028\u2029]+/g, " ")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim();
}

/** The message as nodemailer builds it: text, and the invite both inline (iTIP) and as a file. */
export function nodemailerMessage(mail: ClaimedMail, from: string) {
  return {
    from,
    to: { name: oneLine(mail.toName), address: oneLine(mail.toAddress) },
    subject: oneLine(mail.subject),
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
