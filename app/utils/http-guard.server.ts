/**
 * What every request passes before the app sees it, and the headers every
 * response carries. server.js applies both; they live here to be typed and tested.
 */

/** The methods the app answers: pages, their forms, and HEAD for link checkers. */
const METHODS = new Set(["GET", "HEAD", "POST"]);

/** The bodies a form sends: with and without files. */
const FORM_BODY = /^(application\/x-www-form-urlencoded|multipart\/form-data\s*;\s*boundary=.+)/i;

export interface RequestFacts {
  method: string;
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
  if (request.method !== "POST") return null;
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
