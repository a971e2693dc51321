import type { AddressInfo } from "node:net";
import ICAL from "ical.js";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { smtpTransport } from "~/mail/transport.server";
import { deliverQueuedMail } from "~/services/mail-sender.server";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface SmtpReceiver {
  url: string;
  /** Every message accepted so far, parsed, in the order it arrived. */
  messages: ParsedMail[];
  /** The raw source of each accepted message, for checks on headers as sent. */
  sources: string[];
  /** While set, recipients are refused with this temporary error (451). */
  refuseWith: string | null;
  /** How long the server takes to accept each message, as a slow or distant one does. */
  delayMs: number;
  close(): Promise<void>;
}

/** A real SMTP server on loopback that keeps what it receives. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const receiver = { messages: [], sources: [], refuseWith: null, delayMs: 0 } as unknown as SmtpReceiver;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!receiver.refuseWith) return callback();
      callback(Object.assign(new Error(receiver.refuseWith), { responseCode: 451 }));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const source = Buffer.concat(chunks);
        receiver.sources.push(source.toString("utf8"));
        simpleParser(source).then(
          (parsed) => {
            receiver.messages.push(parsed);
            setTimeout(callback, receiver.delayMs);
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  receiver.url = `smtp://127.0.0.1:${port}`;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}

/** The calendar file a mail carries (its text/calendar part). */
export function calendarOf(message: ParsedMail): string {
  const part = message.attachments.find((attachment) => attachment.contentType.startsWith("text/calendar"));
  if (!part) throw new Error(`no calendar in "${message.subject}"`);
  return part.content.toString("utf8");
}

/** What identifies a calendar file's first event, as ical.js reads it. */
export function firstEvent(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent("vevent")!;
  return {
    method: String(calendar.getFirstPropertyValue("method")),
    uid: String(event.getFirstPropertyValue("uid")),
    sequence: Number(event.getFirstPropertyValue("sequence")),
    organizer: String(event.getFirstPropertyValue("organizer")).toLowerCase(),
    attendees: event.getAllProperties("attendee").map((attendee) => String(attendee.getFirstValue()).toLowerCase()),
  };
}

/** The address a mail went to. */
export const recipientOf = (message: ParsedMail) =>
  (Array.isArray(message.to) ? message.to[0] : message.to)?.value[0]?.address;

/**
 * A receiver for this test file, emptied before each test, and the app's
 * sender pointed at it: what was sent, and to whom.
 */
export function smtpForThisFile() {
  let receiver: SmtpReceiver;
  beforeAll(async () => {
    receiver = await startSmtpReceiver();
  });
  afterAll(() => receiver.close());
  beforeEach(() => {
    receiver.messages.length = 0;
  });
  return {
    messages: () => receiver.messages,
    send: (now: number) => deliverQueuedMail(now, smtpTransport(receiver.url, "Rituals <rituals@example.com>")),
    sentTo: (address: string) => receiver.messages.filter((message) => recipientOf(message) === address),
  };
}
