import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { createInstance, type i18n } from "i18next";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { NonceProvider } from "./components/nonce";
import { i18nConfig } from "./i18n/catalogs.server";
import { pageLanguage } from "./i18n/page-language.server";

const ABORT_DELAY_MS = 5_000;

const pageInstances = new Map<string, Promise<i18n>>();

/**
 * The i18next instance pages in `language` are rendered with: made once per
 * language, since the catalogs never change and rendering only reads it.
 */
function pageI18n(language: string): Promise<i18n> {
  let instance = pageInstances.get(language);
  if (!instance) {
    const created = createInstance();
    instance = created
      .use(initReactI18next)
      .init({ ...i18nConfig, lng: language })
      .then(() => created);
    pageInstances.set(language, instance);
  }
  return instance;
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  // The root loader has chosen the page's language already; only a page whose root loader failed asks again.
  const root = remixContext.staticHandlerContext.loaderData?.root as { locale?: string } | undefined;
  const i18n = await pageI18n(root?.locale ?? (await pageLanguage(request)));

  // Bots get the whole page at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get("user-agent")) ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY_MS} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell are reported by onShellError; later ones are logged here.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY_MS);
  });
}

// server.js answers feed polls with these before the framework runs (see services/feeds.server.ts).
export { notModifiedHeaders } from "./utils/feed-cache.server";
export { answerFeedPoll } from "./services/feeds.server";
// server.js checks every request and sets every response's security headers with these.
export { refusal, requestTarget, securityHeaders } from "./utils/http-guard.server";
export { guardedOrigin } from "./utils/env.server";
// server.js runs the mail sender in its own process once it listens (see services/mail-sender.server.ts).
export { startMailScheduler } from "./services/mail-sender.server";
