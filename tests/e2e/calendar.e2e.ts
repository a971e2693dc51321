import http from "node:http";
import zlib from "node:zlib";
import ICAL from "ical.js";
import { afterAll, describe, expect, inject, it } from "vitest";
import { followByInvites } from "~/services/calendar-delivery.server";
import { openPage, SCREENSHOTS, signIn, chromiumForThisFile } from "./browser";

const baseUrl = inject("baseUrl");
const browser = chromiumForThisFile();

/** A GET as a calendar app makes it, with the raw bytes (fetch would decompress them). */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on("error", reject);
  });
}

function summaries(text: string): string[] {
  return new ICAL.Component(ICAL.parse(text))
    .getAllSubcomponents("vevent")
    .map((event) => String(event.getFirstPropertyValue("summary")));
}

describe("calendar", () => {
  // The demo lead follows her meetings by mail again for the browser tests after these.
  afterAll(() => followByInvites("demo-team", "demo-lena"));

  for (const javaScriptEnabled of [true, false]) {
    it(`gives a member a subscription address that calendar apps can read (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const { page, problems } = await openPage(browser(), { locale: "en-US", javaScriptEnabled });
      await signIn(page, baseUrl);
      await page.getByRole("link", { name: "Calendar" }).click();
      await expect.poll(() => page.locator("h1").textContent()).toBe("Calendar");
      await page.getByRole("button", { name: /Create my subscription address|Make a new address/ }).click();
      const https = await page.getByLabel(/Subscription address/).inputValue();
      expect(https).toMatch(/\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
      const webcal = await page.getByRole("link", { name: "Subscribe in my calendar app" }).getAttribute("href");
      expect(webcal).toBe(https.replace(/^http:/, "webcal:"));
      await page.screenshot({
        path: `${SCREENSHOTS}/calendar-${javaScriptEnabled ? "js" : "no-js"}.png`,
        fullPage: true,
      });
      await expect.poll(() => page.getByTestId("delivery").textContent()).toContain("Now: through your subscription");

      const response = await fetch(https);
      expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      const names = summaries(await response.text());
      // A calendar app polling again with the ETag gets 304 (answered by the server's shortcut).
      const again = await fetch(https, { headers: { "If-None-Match": response.headers.get("etag")! } });
      expect(again.status).toBe(304);
      // Lena hosts the check-in: her feed has her go-early time; she only attends the happy hour.
      expect(names).toContain("Team check-in");
      expect(names).toContain("Go early: Team check-in");
      expect(names).toContain("Friday happy hour");
      expect(names).not.toContain("Go early: Friday happy hour");

      await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Rituals" }).click();
      // The link as the signed-in person follows it (page.request shares the browser's cookies).
      const link = page.getByRole("link", { name: /Download invite \(\.ics\).*Tea time with Hanbit Logistics/ });
      const download = await page.request.get(new URL((await link.getAttribute("href"))!, baseUrl).toString());
      expect(download.headers()["content-disposition"]).toContain('filename="tea-time-with-hanbit-logistics.ics"');
      const invite = await download.text();
      expect(invite).toContain("DTSTART;TZID=Asia/Seoul:20260107T160000");
      expect(summaries(invite)).toEqual(["Tea time with Hanbit Logistics"]);

      // Subscribing replaced the mailed invites: each series she was mailed is cancelled by mail, so it shows once.
      await page.goto(`${baseUrl}/teams/demo-team/outbox`);
      await expect.poll(() => page.getByText("Now in your subscription: Team check-in").count()).toBeGreaterThan(0);
      await page.goto(`${baseUrl}/teams/demo-team/calendar`);
      await page.getByRole("button", { name: "Stop the subscription and mail me the invites again" }).click();
      await expect.poll(() => page.getByTestId("delivery").textContent()).toContain("Now: by mailed invites");
      expect((await fetch(https)).status).toBe(404);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  it("sends the feed compressed to apps that accept it, and 304 to a list of tags or *", async () => {
    const { page, problems } = await openPage(browser(), { locale: "en-US" });
    await signIn(page, baseUrl);
    await page.getByRole("link", { name: "Calendar" }).click();
    // As a person would: the page is there before its button is pressed (a submit that overtakes
    // the navigation's render interrupts it, and React reports the interrupted root).
    await expect.poll(() => page.locator("h1").textContent()).toBe("Calendar");
    await page.getByRole("button", { name: /Create my subscription address|Make a new address/ }).click();
    const url = await page.getByLabel(/Subscription address/).inputValue();
    await page.context().close();

    const plain = await rawGet(url, {});
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const etag = plain.headers.etag!;
    const decoders = { gzip: zlib.gunzipSync, br: zlib.brotliDecompressSync };
    for (const [accept, encoding] of [
      ["gzip, deflate", "gzip"],
      ["gzip, deflate, br", "br"],
      ["br;q=0, gzip", "gzip"],
    ] as const) {
      const compressed = await rawGet(url, { "Accept-Encoding": accept });
      expect(compressed.headers["content-encoding"]).toBe(encoding);
      expect(compressed.headers.vary).toContain("Accept-Encoding");
      expect(compressed.headers.etag).toBe(etag);
      expect(decoders[encoding](compressed.body).equals(plain.body)).toBe(true);
      expect(compressed.body.length * 5).toBeLessThan(plain.body.length);
    }
    expect((await rawGet(url, { "Accept-Encoding": "identity" })).headers["content-encoding"]).toBeUndefined();

    // Weak comparison: a strong tag with our value, in a list, matches; so does "*".
    const strong = etag.replace(/^W\//, "");
    for (const ifNoneMatch of [`"elsewhere", ${strong}`, "*", `W/"old", ${etag}`]) {
      expect((await rawGet(url, { "If-None-Match": ifNoneMatch })).status).toBe(304);
    }
    expect((await rawGet(url, { "If-None-Match": '"elsewhere"' })).status).toBe(200);
    expect(problems).toEqual([]);
  });
});
