import net from "node:net";
import { describe, expect, inject, it } from "vitest";
import { DEMO_OWNER_EMAIL, DEMO_PASSWORD } from "../../prisma/demo-accounts";

const baseUrl = inject("baseUrl");
const { hostname, port } = new URL(baseUrl);

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * A request as a client that does what it likes would send it, over a plain
 * socket: any request target, any headers, a body of `bodyBytes` written in
 * 64 KB pieces (or `body`). The answer is read while the upload goes on, as
 * curl does, and kept when the server closes the connection mid-upload.
 */
function rawRequest({
  method = "GET",
  target,
  headers = {},
  body,
  bodyBytes = 0,
}: {
  method?: string;
  target: string;
  headers?: Record<string, string>;
  body?: string;
  bodyBytes?: number;
}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const received: Buffer[] = [];
    let settled = false;
    /** The answer once it is whole (by its Content-Length, or its last chunk), or when the server closes. */
    const settle = (closed: boolean) => {
      if (settled) return;
      const text = Buffer.concat(received).toString("utf8");
      const headEnd = text.indexOf("\r\n\r\n");
      if (headEnd < 0 && !closed) return;
      const [statusLine = "", ...lines] = text.slice(0, headEnd < 0 ? undefined : headEnd).split("\r\n");
      const answerHeaders = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]),
      );
      const body = headEnd < 0 ? "" : text.slice(headEnd + 4);
      const whole =
        answerHeaders["content-length"] !== undefined
          ? Buffer.byteLength(body) >= Number(answerHeaders["content-length"])
          : body.endsWith("0\r\n\r\n");
      if (!whole && !closed) return;
      settled = true;
      socket.destroy();
      const status = Number(statusLine.split(" ")[1]);
      if (status) resolve({ status, headers: answerHeaders, body });
      else reject(new Error(`No answer: ${JSON.stringify(text.slice(0, 200))}`));
    };
    socket.on("data", (chunk: Buffer) => {
      received.push(chunk);
      settle(false);
    });
    socket.on("error", () => socket.destroy());
    socket.on("close", () => settle(true));
    const head = Object.entries({ Host: `${hostname}:${port}`, ...headers })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join("");
    socket.write(`${method} ${target} HTTP/1.1\r\n${head}\r\n`);
    if (body !== undefined) return void socket.write(body);
    // The body goes on only until the answer starts.
    const piece = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const pump = () => {
      if (sent >= bodyBytes || received.length > 0 || socket.destroyed) return;
      sent += piece.length;
      if (socket.write(piece)) setTimeout(pump, 10);
      else socket.once("drain", pump);
    };
    pump();
  });
}

const formHeaders = (length: number) => ({
  Origin: baseUrl,
  "Content-Type": "application/x-www-form-urlencoded",
  "Content-Length": String(length),
});

/** A whole form posted from this site. */
const postForm = (target: string, body: string) =>
  rawRequest({ method: "POST", target, headers: formHeaders(Buffer.byteLength(body)), body });

/** Whether the server still answers at once: the point of every limit here. */
async function answersPromptly(): Promise<void> {
  const started = Date.now();
  const health = await fetch(`${baseUrl}/healthz`);
  expect(health.status).toBe(200);
  // A bound, not a measurement: before the limits, one such body froze every request for over a minute.
  expect(Date.now() - started).toBeLessThan(5_000);
}

describe("limits before parsing", () => {
  it("refuses the 100,000-field sign-in form by its size, and a smaller one by its field count", async () => {
    const fields = Array.from({ length: 100_000 }, (_, i) => `field${i}=`).join("&");
    expect(fields.length).toBeGreaterThan(800 * 1024);
    const large = await postForm("/sign-in", fields);
    expect(large.status).toBe(413);
    expect(large.body).toContain("larger than the 256 KB");
    await answersPromptly();

    // Under the size limit, still 100,000 fields.
    const many = `email=x&${"a&".repeat(100_000)}`;
    const counted = await postForm("/sign-in", many);
    expect(counted.status).toBe(413);
    expect(counted.body).toContain("This form is larger than any page here sends");
    await answersPromptly();
  });

  it("refuses a 250 MB upload as soon as it is announced, and four at once cost nothing", async () => {
    const uploads = Array.from({ length: 4 }, () =>
      rawRequest({
        method: "POST",
        target: "/sign-in",
        headers: formHeaders(250 * 1024 * 1024),
        bodyBytes: 250 * 1024 * 1024,
      }),
    );
    for (const answer of await Promise.all(uploads)) expect(answer.status).toBe(413);
    await answersPromptly();
  });

  it("gives a meeting page's notes room, and asks a body without a length for one", async () => {
    const notes = `intent=save-notes&notes=${"a".repeat(900 * 1024)}`;
    const notesSized = await postForm("/teams/demo-team/rituals/demo-tea-time/meetings/20261203T083000Z", notes);
    // Not refused for its size: the page itself answers (here: no signed-in member).
    expect(notesSized.status).not.toBe(413);

    const chunked = await rawRequest({
      method: "POST",
      target: "/sign-in",
      headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" },
      body: "7\r\nemail=x\r\n0\r\n\r\n",
    });
    expect(chunked.status).toBe(411);
  });

  it("refuses an overlong address with 414 and overlong headers with 431", async () => {
    const longAddress = await rawRequest({ target: `/sign-in?redirectTo=/${"a".repeat(10_000)}` });
    expect(longAddress.status).toBe(414);
    expect(longAddress.body).toContain("too long");
    const longHeader = await rawRequest({ target: "/sign-in", headers: { "X-Padding": "a".repeat(20_000) } });
    expect(longHeader.status).toBe(431);
    await answersPromptly();
  });

  it("reads a whole address in the request line as its path, and refuses what is no address", async () => {
    const absolute = await rawRequest({ target: `${baseUrl}/sign-in` });
    expect(absolute.status).toBe(200);
    expect(absolute.body).toContain("<form");
    const asterisk = await rawRequest({ target: "*" });
    expect(asterisk.status).toBe(400);
  });

  it("never echoes a long redirectTo after signing in", async () => {
    const form = new URLSearchParams({
      email: DEMO_OWNER_EMAIL,
      password: DEMO_PASSWORD,
      redirectTo: `/teams/${"a".repeat(100 * 1024)}`,
    }).toString();
    const signedIn = await postForm("/sign-in", form);
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.location).toBe("/");
  });
});
