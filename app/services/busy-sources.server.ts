import { busyTimes, BusyTimesError, freeBusyTimes, MOST_EVENTS, type BusyTime } from "~/calendar/busy-times";
import { DAY, MINUTE } from "~/domain/durations";
import type { WriteResult } from "~/domain/validation";
import { busySourcesDue, createBusySource, markBusySourceChecked, saveBusyTimes } from "~/models/busy-source.server";
import { seal, unseal } from "~/utils/sealed.server";
import { fetchCalendarObjects, getBasicAuthHeaders, propfind } from "tsdav";

/** A calendar file larger than this is refused: a person's own calendar is far smaller. */
export const LARGEST_CALENDAR_BYTES = 10 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 10_000;
/** How often a source is read again, and how many a round reads. */
const REFRESH_EVERY = 15 * MINUTE;
const SOURCES_PER_ROUND = 20;

/** Why a calendar could not be read, as a message key the profile shows next to the source. */
export type BusySourceProblem =
  | "busy.addressInvalid"
  | "busy.unreachable"
  | "busy.timeout"
  | "busy.refused"
  | "busy.notFound"
  | "busy.serverError"
  | "busy.tooBig"
  | "busy.notCalendar"
  | "busy.tooManyEvents";

class ReadProblem extends Error {
  constructor(readonly problem: BusySourceProblem) {
    super(problem);
  }
}

/** The http(s) address typed, or null: other schemes (file:, ftp:, javascript:) are never fetched. */
function calendarAddress(typed: string): URL | null {
  try {
    // Calendar apps hand out webcal:// addresses for the same file over https.
    const url = new URL(typed.trim().replace(/^webcals?:\/\//i, "https://"));
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}

/** The body, read up to the size limit. */
async function cappedText(response: Response): Promise<string> {
  const declared = Number(response.headers.get("content-length"));
  if (declared > LARGEST_CALENDAR_BYTES) throw new ReadProblem("busy.tooBig");
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of (response.body ?? []) as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > LARGEST_CALENDAR_BYTES) throw new ReadProblem("busy.tooBig");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

interface CalendarRead {
  times: BusyTime[];
  etag: string | null;
  lastModified: string | null;
}

/**
 * Reads the calendar at `url`, asking only for a changed one when `known`
 * says what was read last (null when it is unchanged), and keeps its busy
 * times from a week back to half a year ahead.
 */
async function readCalendar(
  url: URL,
  reading: { timeZone: string; allDayBlocks: boolean },
  known: { etag: string | null; lastModified: string | null },
  now: number,
): Promise<CalendarRead | null> {
  const headers: Record<string, string> = { Accept: "text/calendar, */*;q=0.5" };
  if (known.etag) headers["If-None-Match"] = known.etag;
  if (known.lastModified) headers["If-Modified-Since"] = known.lastModified;
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: "follow" });
  } catch (error) {
    const name = (error as Error).name;
    throw new ReadProblem(name === "TimeoutError" || name === "AbortError" ? "busy.timeout" : "busy.unreachable");
  }
  if (response.status === 304) return null;
  if (response.status === 401 || response.status === 403) throw new ReadProblem("busy.refused");
  if (response.status === 404 || response.status === 410) throw new ReadProblem("busy.notFound");
  if (!response.ok) throw new ReadProblem("busy.serverError");
  let text: string;
  try {
    text = await cappedText(response);
  } catch (error) {
    if (error instanceof ReadProblem) throw error;
    throw new ReadProblem((error as Error).name === "TimeoutError" ? "busy.timeout" : "busy.unreachable");
  }
  return {
    times: busyIn([text], reading, now),
    etag: response.headers.get("etag"),
    lastModified: response.headers.get("last-modified"),
  };
}

/** What every source keeps of its calendar: a week back to half a year ahead. */
export function keptBusyWindow(now: number): { from: number; to: number } {
  return { from: now - 7 * DAY, to: now + 182 * DAY };
}

/** The busy times of calendar files in the kept window. */
function busyIn(files: readonly string[], reading: { timeZone: string; allDayBlocks: boolean }, now: number) {
  const window = { ...reading, ...keptBusyWindow(now) };
  try {
    return files.flatMap((text) => busyTimes(text, window));
  } catch (error) {
    if (error instanceof BusyTimesError) {
      throw new ReadProblem(error.reason === "too-many-events" ? "busy.tooManyEvents" : "busy.notCalendar");
    }
    throw error;
  }
}

/**
 * The busy periods a CalDAV server's free-busy-query report gives (RFC 4791
 * 7.10), from a week back to half a year ahead; null when the server offers
 * none (an error, or an answer that is no calendar). Sent by hand: tsdav's
 * freeBusyQuery cuts a calendar answer at 4 KB.
 */
async function freeBusyReport(
  url: URL,
  headers: Record<string, string>,
  signal: AbortSignal,
  now: number,
): Promise<BusyTime[] | null> {
  const window = keptBusyWindow(now);
  const stamp = (at: number) => new Date(at).toISOString().replace(/[-:]|\.\d{3}/g, "");
  const response = await fetch(url, {
    method: "REPORT",
    signal,
    headers: { ...headers, Depth: "1", "Content-Type": "application/xml; charset=utf-8" },
    body: `<?xml version="1.0" encoding="utf-8"?><C:free-busy-query xmlns:C="urn:ietf:params:xml:ns:caldav"><C:time-range start="${stamp(window.from)}" end="${stamp(window.to)}"/></C:free-busy-query>`,
  });
  if (!response.ok || !/^text\/calendar/i.test(response.headers.get("content-type") ?? "")) {
    await response.body?.cancel();
    return null;
  }
  try {
    return freeBusyTimes(await cappedText(response), window);
  } catch (error) {
    if (error instanceof BusyTimesError && error.reason === "too-many-events")
      throw new ReadProblem("busy.tooManyEvents");
    if (error instanceof BusyTimesError) return null;
    throw error;
  }
}

/** A CalDAV account: the calendar collection's address and who signs in to it. */
interface CalDavLogin {
  username: string;
  password: string;
}

/**
 * Asks a CalDAV calendar (RFC 4791) for its busy periods (a free-busy query,
 * where the server offers one and all-day events block), else for its events
 * from a week back to half a year ahead (a calendar-query with a time range,
 * which every server has),
 * after checking that the address is a calendar the login may read, and only
 * when its tag says it changed since `known` (null when it did not). Only
 * their busy times are kept, read as a downloaded file's are.
 */
async function readCalDav(
  url: URL,
  login: CalDavLogin,
  reading: { timeZone: string; allDayBlocks: boolean },
  known: { etag: string | null },
  now: number,
): Promise<CalendarRead | null> {
  const headers = getBasicAuthHeaders(login);
  const fetchOptions = { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) };
  const problem = (error: unknown) => {
    if (error instanceof ReadProblem) return error;
    const name = (error as Error).name;
    return new ReadProblem(name === "TimeoutError" || name === "AbortError" ? "busy.timeout" : "busy.unreachable");
  };
  try {
    const [found] = await propfind({
      url: url.href,
      props: { "d:resourcetype": {}, "cs:getctag": {}, "d:sync-token": {} },
      depth: "0",
      headers,
      fetchOptions,
    });
    if (!found || found.status === 401 || found.status === 403) throw new ReadProblem("busy.refused");
    if (found.status === 404 || found.status === 410) throw new ReadProblem("busy.notFound");
    if (!found.ok) throw new ReadProblem("busy.serverError");
    if (!found.props?.resourcetype || !("calendar" in found.props.resourcetype))
      throw new ReadProblem("busy.notCalendar");
    // The collection's tag (CalendarServer's getctag, else RFC 6578's sync-token) changes with any event in it.
    const tag = String(found.props.getctag ?? found.props.syncToken ?? "") || null;
    if (tag && tag === known.etag) return null;
    // A free-busy answer holds no event at all, but cannot leave all-day events out: asked only where they block.
    const freeBusy = reading.allDayBlocks ? await freeBusyReport(url, headers, fetchOptions.signal, now) : null;
    if (freeBusy) return { times: freeBusy, etag: tag, lastModified: null };
    const kept = keptBusyWindow(now);
    const objects = await fetchCalendarObjects({
      calendar: { url: url.href },
      timeRange: { start: new Date(kept.from).toISOString(), end: new Date(kept.to).toISOString() },
      headers,
      fetchOptions,
    });
    if (objects.length > MOST_EVENTS) throw new ReadProblem("busy.tooManyEvents");
    const files = objects.map((object) => String(object.data ?? ""));
    if (files.reduce((size, text) => size + text.length, 0) > LARGEST_CALENDAR_BYTES)
      throw new ReadProblem("busy.tooBig");
    return { times: busyIn(files, reading, now), etag: tag, lastModified: null };
  } catch (error) {
    throw problem(error);
  }
}

/**
 * Adds a calendar to a member's profile once it has been read: an address
 * that is not a calendar, or that cannot be read, is said next to the field
 * and nothing is saved.
 */
export async function addBusySource(
  member: { id: string; timeZone: string },
  input: { address: string; allDayBlocks: boolean; login?: CalDavLogin },
  now = Date.now(),
): Promise<WriteResult<{ id: string }>> {
  const url = calendarAddress(input.address);
  if (!url) return { ok: false, errors: { address: "busy.addressInvalid" } };
  const { login } = input;
  if (login && !login.username.trim()) return { ok: false, errors: { username: "busy.usernameRequired" } };
  const reading = { timeZone: member.timeZone, allDayBlocks: input.allDayBlocks };
  try {
    const read = login
      ? (await readCalDav(url, login, reading, { etag: null }, now))!
      : (await readCalendar(url, reading, { etag: null, lastModified: null }, now))!;
    const source = login
      ? {
          kind: "caldav" as const,
          sealedAddress: seal(url.href),
          sealedLogin: seal(JSON.stringify(login)),
          label: `${login.username} @ ${url.host}`,
          allDayBlocks: input.allDayBlocks,
        }
      : { kind: "ics" as const, sealedAddress: seal(url.href), label: url.host, allDayBlocks: input.allDayBlocks };
    return { ok: true, value: await createBusySource(member.id, source, read, now) };
  } catch (error) {
    if (error instanceof ReadProblem) return { ok: false, errors: { address: error.problem } };
    throw error;
  }
}

/** A stored CalDAV login, or null when the server's secret no longer opens it. */
function storedLogin(sealedLogin: string | null): CalDavLogin | null {
  const opened = sealedLogin ? unseal(sealedLogin) : null;
  return opened ? (JSON.parse(opened) as CalDavLogin) : null;
}

/**
 * Reads again the sources whose last read is older than the refresh period.
 * A source that fails keeps its busy times and says why; one whose address
 * the server can no longer unseal (its secret changed) says so too.
 */
export async function refreshBusySources(now = Date.now()): Promise<number> {
  const due = await busySourcesDue(now - REFRESH_EVERY, SOURCES_PER_ROUND);
  for (const source of due) {
    const address = unseal(source.sealedAddress);
    const url = address ? calendarAddress(address) : null;
    const login = source.kind === "caldav" ? storedLogin(source.sealedLogin) : null;
    if (!url || (source.kind === "caldav" && !login)) {
      await markBusySourceChecked(source.id, now, "busy.addressInvalid");
      continue;
    }
    const reading = { timeZone: source.member.timeZone, allDayBlocks: source.allDayBlocks };
    try {
      const read = login
        ? await readCalDav(url, login, reading, source, now)
        : await readCalendar(url, reading, source, now);
      if (read) await saveBusyTimes(source.id, read, now);
      else await markBusySourceChecked(source.id, now, null);
    } catch (error) {
      if (!(error instanceof ReadProblem)) throw error;
      await markBusySourceChecked(source.id, now, error.problem);
    }
  }
  return due.length;
}
