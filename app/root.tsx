import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { getCurrentUser } from "./utils/auth.server";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { LanguageSwitcher } from "./components/language-switcher";
import { useNonce } from "./components/nonce";
import { SubmitOnceScript, useIsPlainPage } from "./components/plain-page";
import { pageLanguage } from "./i18n/page-language.server";
import stylesheet from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Rituals" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  return {
    locale: await pageLanguage(request),
    user: user && { name: user.name },
    // A customer's shared page stays in the customer's language, with nothing that leads into the app.
    customerView: new URL(request.url).pathname.startsWith("/shared/"),
  };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t, i18n } = useTranslation();
  const nonce = useNonce();
  const plainPage = useIsPlainPage();
  const locale = data?.locale ?? i18n.language ?? "en";
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("app.skipToContent")}
        </a>
        <header className="site-header">
          <a className="brand" href="/">
            <span aria-hidden="true" className="brand-mark">
              ◐
            </span>
            {t("app.name")}
          </a>
          {data?.customerView ? null : (
            <div className="header-tools">
              {data?.user ? (
                <Form method="post" action="/sign-out" className="user-menu">
                  <Link to="/account" reloadDocument className="user-name">
                    {data.user.name}
                  </Link>
                  <button type="submit" className="link-button">
                    {t("auth.signOut")}
                  </button>
                </Form>
              ) : (
                <Link to="/sign-in" reloadDocument>
                  {t("auth.signIn")}
                </Link>
              )}
              <LanguageSwitcher current={locale} />
            </div>
          )}
        </header>
        <main id="main" className="site-main">
          {children}
        </main>
        {plainPage ? (
          <SubmitOnceScript nonce={nonce} />
        ) : (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        )}
      </body>
    </html>
  );
}

export default function App() {
  const locale = useRouteLoaderData<typeof loader>("root")?.locale ?? "en";
  useChangeLanguage(locale);
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
