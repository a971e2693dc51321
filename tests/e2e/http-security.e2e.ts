import http from "node:http";
import { describe, expect, inject, it } from "vitest";
import { DEMO_OWNER_EMAIL, DEMO_PASSWORD } from "../../prisma/demo-accounts";
import { rotateFeedToken } from "~/models/calendar-feed.server";
import { DEMO_TEAM_ID } from "../../prisma/seed";

const baseUrl = inject("baseUrl");
const ownOrigin = { Origin: baseUrl };
const form = "application/x-www-form-urlencoded";

/** Signs the demo owner in over plain HTTP, as a browser's form would, and returns the session cookie. */
async function signedInCookie(): Promise<string> {
  const response = await fetch(`${baseUrl}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { ...ownOrigin, "Content-Type": form },
    body: new URLSearchParams({ email: DEMO_OWNER_EMAIL, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(302);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

describe("headers on every response", () => {
  it("forbids framing and sniffing, keeps secret addresses out of Referers, and allows only this response's scripts", async () => {
    for (const path of ["/sign-in", "/healthz", "/favicon.svg", "/no-such-page"]) {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("same-origin");
      const policy = response.headers.get("content-security-policy") ?? "";
      expect(policy, path).toContain("frame-ancestors 'none'");
      expect(policy, path).toContain("default-src 'self'");
      expect(policy, path).not.toContain("unsafe-eval");
    }
    const page = await fetch(`${baseUrl}/sign-in`);
    const nonce = /'nonce-([^']+)'/.exec(page.headers.get("content-security-policy")!)?.[1];
    expect(nonce).toBeTruthy();
    const html = await page.text();
    const inlineScripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]!);
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const attributes of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
    // A new nonce for every response.
    const again = (await fetch(`${baseUrl}/sign-in`)).headers.get("content-security-policy");
    expect(again).not.toContain(nonce);
  });
});

describe("redirects stay on this site", () => {
  it.each([
    ["a tab", "/\t/evil.example"],
    ["a backslash", "/\\evil.example"],
    ["a newline", "/\n/evil.example"],
    ["two slashes", "//evil.example"],
    ["an encoded slash", "/%2Fevil.example"],
    ["an absolute address", "https://evil.example/"],
  ])("after signing in, with %s", async (_what, redirectTo) => {
    const cookie = await signedInCookie();
    const response = await fetch(`${baseUrl}/sign-in?${new URLSearchParams({ redirectTo })}`, {
      redirect: "manual",
      headers: { Cookie: cookie },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    // The language switcher uses the same rule.
    const switched = await fetch(`${baseUrl}/language`, {
      method: "POST",
      redirect: "manual",
      headers: { ...ownOrigin, "Content-Type": form },
      body: new URLSearchParams({ lng: "ko", redirectTo }),
    });
    expect(switched.status).toBe(302);
    expect(switched.headers.get("location")).toBe("/");
  });

  it("still goes back to the page that asked for sign-in", async () => {
    const cookie = await signedInCookie();
    const response = await fetch(`${baseUrl}/sign-in?redirectTo=${encodeURIComponent(`/teams/${DEMO_TEAM_ID}`)}`, {
      redirect: "manual",
      headers: { Cookie: cookie },
    });
    expect(response.headers.get("location")).toBe(`/teams/${DEMO_TEAM_ID}`);
  });
});

describe("forms from other sites", () => {
  it.each([
    ["another Origin", { Origin: "https://evil.example" }],
    ["an opaque Origin", { Origin: "null" }],
    ["a cross-site fetch", { "Sec-Fetch-Site": "cross-site" }],
    ["another site's Referer and no Origin", { Referer: "https://evil.example/page" }],
  ])("are refused with 403 when they come with %s", async (_what, headers) => {
    const cookie = await signedInCookie();
    for (const path of ["/sign-out", "/language", `/teams/${DEMO_TEAM_ID}/members`]) {
      const response = await fetch(`${baseUrl}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: { ...headers, Cookie: cookie, "Content-Type": form },
        body: new URLSearchParams({ lng: "ko", intent: "create-invite" }),
      });
      expect(response.status, path).toBe(403);
      expect(await response.text()).toContain("only be sent from this site");
    }
    // The session was not signed out by the refused post.
    const home = await fetch(`${baseUrl}/teams/${DEMO_TEAM_ID}`, { redirect: "manual", headers: { Cookie: cookie } });
    expect(home.status).toBe(200);
  });

  it("are taken from this site", async () => {
    const cookie = await signedInCookie();
    const response = await fetch(`${baseUrl}/sign-out`, {
      method: "POST",
      redirect: "manual",
      headers: { ...ownOrigin, Cookie: cookie, "Content-Type": form },
      body: "",
    });
    expect(response.status).toBe(302);
  });
});

describe("bad requests get a 4xx with a clear message, never a 500", () => {
  it("refuses bodies that are not forms", async () => {
    for (const [contentType, body] of [
      ["application/json", JSON.stringify({ email: DEMO_OWNER_EMAIL, password: DEMO_PASSWORD })],
      ["text/plain", "email=x"],
      [null, ""],
    ] as const) {
      const response = await fetch(`${baseUrl}/sign-in`, {
        method: "POST",
        headers: { ...ownOrigin, ...(contentType ? { "Content-Type": contentType } : {}) },
        body,
      });
      expect(response.status, String(contentType)).toBe(415);
      expect(await response.text()).toContain("web form");
    }
  });

  it("refuses a malformed multipart body", async () => {
    const response = await fetch(`${baseUrl}/sign-in`, {
      method: "POST",
      headers: { ...ownOrigin, "Content-Type": "multipart/form-data; boundary=----edge" },
      body: '------edge\r\nContent-Disposition: form-data; name="email"\r\n\r\nno closing boundary',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("could not be read");
  });

  it("answers meeting addresses with years of five digits or none with 404", async () => {
    const cookie = await signedInCookie();
    const meetings = `/teams/${DEMO_TEAM_ID}/rituals/demo-check-in/meetings`;
    for (const key of ["120261203T083000Z", "+0120261203T083000Z", "00001203T083000Z"]) {
      for (const suffix of ["", ".ics", "/notes.md"]) {
        const response = await fetch(`${baseUrl}${meetings}/${key}${suffix}`, { headers: { Cookie: cookie } });
        expect(response.status, `${key}${suffix}`).toBe(404);
      }
    }
  });

  it("refuses TRACE and other methods", async () => {
    for (const method of ["TRACE", "PUT", "DELETE", "PATCH"]) {
      // fetch will not send TRACE: a plain HTTP request does.
      const { status, allow } = await new Promise<{ status?: number; allow?: string }>((resolve, reject) => {
        const request = http.request(`${baseUrl}/sign-in`, { method, headers: ownOrigin }, (response) => {
          response.resume();
          resolve({ status: response.statusCode, allow: response.headers.allow });
        });
        request.on("error", reject);
        request.end();
      });
      expect(status, method).toBe(405);
      expect(allow).toBe("GET, HEAD, POST");
    }
  });

  it("refuses an absurd note version and NUL bytes in a title beside the form, saving nothing", async () => {
    const cookie = await signedInCookie();
    const ritual = `/teams/${DEMO_TEAM_ID}/rituals/demo-tea-time`;
    const listing = await (await fetch(`${baseUrl}${ritual}`, { headers: { Cookie: cookie } })).text();
    const meeting = /\/meetings\/(\d{8}T\d{6}Z)/.exec(listing)?.[1];
    expect(meeting).toBeTruthy();
    const notes = await fetch(`${baseUrl}${ritual}/meetings/${meeting}`, {
      method: "POST",
      headers: { ...ownOrigin, Cookie: cookie, "Content-Type": form },
      body: new URLSearchParams({ intent: "save-notes", version: "1e20", notes: "forged" }),
    });
    expect(notes.status).toBe(400);
    expect(await notes.text()).toContain("out of date");

    const created = await fetch(`${baseUrl}/teams/${DEMO_TEAM_ID}/rituals/new?kind=happy-hour`, {
      method: "POST",
      headers: { ...ownOrigin, Cookie: cookie, "Content-Type": form },
      body: new URLSearchParams({
        kind: "happy-hour",
        title: "Fika\u0000",
        timeZone: "Europe/Berlin",
        startTime: "16:00",
        durationMinutes: "15",
        frequency: "weekly",
        interval: "1",
        weekdays: "5",
        startDate: "2026-12-04",
        goEarlyMinutes: "0",
        stayLateMinutes: "0",
        hostIds: "demo-lena",
      }),
    });
    expect(created.status).toBe(400);
    expect(await created.text()).toContain("invisible control characters");
  });
});

describe("sessions end when the user ends them", () => {
  const stillSignedIn = async (cookie: string) =>
    (await fetch(`${baseUrl}/teams/${DEMO_TEAM_ID}`, { redirect: "manual", headers: { Cookie: cookie } })).status ===
    200;
  const post = (path: string, cookie: string, body: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { ...ownOrigin, Cookie: cookie, "Content-Type": form },
      body: new URLSearchParams(body),
    });

  it("a copied cookie stops working after sign-out", async () => {
    const cookie = await signedInCookie();
    const copy = cookie;
    expect(await stillSignedIn(copy)).toBe(true);
    expect((await post("/sign-out", cookie)).status).toBe(302);
    expect(await stillSignedIn(copy)).toBe(false);
  });

  it("signing out everywhere ends the other browsers' sessions too", async () => {
    const [laptop, phone] = [await signedInCookie(), await signedInCookie()];
    expect(await stillSignedIn(phone)).toBe(true);
    expect((await post("/sign-out", laptop, { everywhere: "yes" })).status).toBe(302);
    expect(await stillSignedIn(laptop)).toBe(false);
    expect(await stillSignedIn(phone)).toBe(false);
  });
});

describe("sign-in throttling over HTTP", () => {
  it("checks the password for the free attempts only, when thirty guesses arrive at once", async () => {
    const email = `parallel-${Date.now()}@example.com`;
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fetch(`${baseUrl}/sign-in`, {
          method: "POST",
          redirect: "manual",
          headers: { ...ownOrigin, "Content-Type": form },
          body: new URLSearchParams({ email, password: `guess ${i}` }),
        }).then((response) => response.status),
      ),
    );
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(25);
    // The real account holder, from here too, is not held up by someone guessing another account.
    expect(await signedInCookie()).toMatch(/^__session=/);
  });
});

describe("absolute addresses come from the configured address, never from the request", () => {
  /** A request with a forged Host header, which fetch will not send. */
  function withHost(path: string, host: string, headers: Record<string, string> = {}) {
    return new Promise<{ status?: number; body: string; location?: string }>((resolve, reject) => {
      const request = http.request(`${baseUrl}${path}`, { headers: { ...headers, Host: host } }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode, body, location: response.headers.location }));
      });
      request.on("error", reject);
      request.end();
    });
  }

  it("serves a subscriber the real links after someone polled the feed with a forged Host", async () => {
    const token = await rotateFeedToken("demo-priya");
    const forged = await withHost(`/feeds/${token}.ics`, "evil.example");
    expect(forged.status).toBe(200);
    expect(forged.body).not.toContain("evil.example");
    const real = await (await fetch(`${baseUrl}/feeds/${token}.ics`)).text();
    expect(real).not.toContain("evil.example");
    expect(real).toContain(`URL:${baseUrl}/teams/`);
  });

  it("builds invite links and calendar links from the configured address", async () => {
    const cookie = await signedInCookie();
    const page = await withHost(`/teams/${DEMO_TEAM_ID}/rituals/demo-tea-time.ics`, "evil.example", { Cookie: cookie });
    expect(page.status).toBe(200);
    expect(page.body).not.toContain("evil.example");
    expect(page.body).toContain(baseUrl.replace("http://", ""));
  });
});
