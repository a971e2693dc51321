/**
 * What every request passes before the app sees it, and the headers every
 * response carries. server.js applies both; they live here to be typed and tested.
 */

/** The methods the app answers: pages, their forms, and HEAD for link checkers. */
const METHODS = new Set(["GET", "HEAD", "POST"]);

/** The bodies a form sends: with and without files. */
const FORM_BODY = /^(application\/x-www-form-urlencoded|multipart\/form-data\s*;\s*boundary=.+)/i;

/** Longer addresses are no link the app makes: refused before routing. */
export const MAX_URL_LENGTH = 8 * 1024;
/** A form: the ritual editor with a large team is a few KB. */
export const MAX_FORM_BYTES = 256 * 1024;
/** A meeting page's form carries its notes (256 KB of text, up to three times that once percent-encoded). */
export const MAX_NOTES_FORM_BYTES = 1024 * 1024;
const MEETING_PAGE = /^\/teams\/[^/]+\/rituals\/[^/]+\/meetings\/[^/]+\/?$/;

/** The most a POST to `pathname` may carry. */
export function bodyLimit(pathname: string): number {
  return MEETING_PAGE.test(pathname) ? MAX_NOTES_FORM_BYTES : MAX_FORM_BYTES;
}

/**
 * The path and query a request asks for. Proxies may send the whole address
 * ("GET http://host/path"), which HTTP/1.1 servers must accept; anything
 * else that is not a path is no request for a page (null).
 */
export function requestTarget(target: string): string | null {
  if (target.startsWith("/")) return target;
  if (!/^https?:\/\//i.test(target)) return null;
  try {
    const url = new URL(target);
    return `${url.pathname}${url.search}`;
  } catch {
    return null;
  }
}

export interface RequestFacts {
  method: string;
  /** The path and query asked for. */
  url: string;
  /** The Content-Length header, when the body has one. */
  contentLength: string | undefined;
  /** The address the request came for, as the server sees it ("localhost:3000"). */
  host: string | undefined;
  origin: string | undefined;
  referer: string | undefined;
  secFetchSite: string | undefined;
  contentType: string | undefined;
}

export interface Refusal {
  status: number;
  message: string;
  headers?: Record<string, string>;
  /** The body was not read: close the connection once the answer is out. */
  unreadBody?: boolean;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * Why a request is refused before it reaches the app, or null. Forms may only
 * be posted from this site (the Origin, or else the Referer, names it; a
 * browser's "cross-site" is refused either way), and only as forms.
 * `appOrigin` is the configured public address; without one, the request's own host counts.
 */
export function refusal(request: RequestFacts, appOrigin: string | null): Refusal | null {
  if (!METHODS.has(request.method)) {
    return { status: 405, message: "This address answers GET and POST only.", headers: { Allow: "GET, HEAD, POST" } };
  }
  if (request.url.length > MAX_URL_LENGTH) {
    return { status: 414, message: "This address is too long for any page here. Go back and follow a link instead." };
  }
  if (request.method !== "POST") return null;
  const bodyRefused = bodySizeRefusal(request);
  if (bodyRefused) return bodyRefused;
  const ownHosts = new Set([appOrigin ? hostOf(appOrigin) : request.host].filter(Boolean));
  const from = request.origin && request.origin !== "null" ? hostOf(request.origin) : null;
  const referred = request.referer ? hostOf(request.referer) : null;
  const crossSite =
    request.secFetchSite === "cross-site" ||
    request.origin === "null" ||
    (from !== null && !ownHosts.has(from)) ||
    (from === null && referred !== null && !ownHosts.has(referred));
  if (crossSite) return { status: 403, message: "Forms can only be sent from this site." };
  if (!request.contentType || !FORM_BODY.test(request.contentType)) {
    return {
      status: 415,
      message: "Send this as a web form (application/x-www-form-urlencoded or multipart/form-data).",
    };
  }
  return null;
}

/**
 * Bodies are refused on their declared length, before a byte is read, so a
 * huge upload costs the server nothing. Browsers always declare it for forms.
 */
function bodySizeRefusal({ url, contentLength }: RequestFacts): Refusal | null {
  if (contentLength === undefined || !/^\d+$/.test(contentLength)) {
    return { status: 411, message: "Send the form with its length (Content-Length).", unreadBody: true };
  }
  const limit = bodyLimit(url.split("?")[0]!);
  if (Number(contentLength) <= limit) return null;
  return {
    status: 413,
    message: `This form is larger than the ${limit / 1024} KB a page here takes. Go back, shorten what you typed, and send it again.`,
    unreadBody: true,
  };
}

/**
 * Headers for every response. Scripts run only from this site or with this
 * response's nonce; no site may frame the app; a shared page's or feed's
 * secret address never leaks to another site as a Referer.
 */
export function securityHeaders(nonce?: string): Record<string, string> {
  return {
    "Content-Security-Policy": [
      "default-src 'self'",
      nonce ? `script-src 'self' 'nonce-${nonce}'` : "script-src 'self'",
      // Bars and charts size themselves with inline style attributes.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; "),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
  };
}
