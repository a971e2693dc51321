import type { AddressInfo } from "node:net";
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
