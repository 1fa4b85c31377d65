import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { authenticate } from "../shopify.server";
import { I18nProvider, localeFromRequest, polarisTranslations, useAdminHref, useT } from "../i18n";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

// Every admin page has a document title (the admin shows its own; screen readers and tabs read this one).
export const meta: MetaFunction = () => [{ title: "Aftercare" }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json({ apiKey: process.env.SHOPIFY_API_KEY ?? "", locale: localeFromRequest(request, session) });
};

function AdminNav() {
  const t = useT();
  const href = useAdminHref();
  return (
    <NavMenu>
      <Link to={href("/app")} rel="home">
        {t("nav.home")}
      </Link>
      <Link to={href("/app/shipping")}>{t("nav.shipping")}</Link>
      <Link to={href("/app/returns")}>{t("nav.returns")}</Link>
      <Link to={href("/app/reviews")}>{t("nav.reviews")}</Link>
      <Link to={href("/app/surveys")}>{t("nav.surveys")}</Link>
      <Link to={href("/app/settings/email")}>{t("emailSettings.title")}</Link>
      <Link to={href("/app/settings/templates")}>{t("templates.title")}</Link>
      <Link to={href("/app/settings/contact")}>{t("contact.title")}</Link>
      <Link to={href("/app/settings/checkout")}>{t("checkoutSurvey.title")}</Link>
      <Link to={href("/app/loyalty")}>{t("loyalty.title")}</Link>
      <Link to={href("/app/plans")}>{t("plans.title")}</Link>
    </NavMenu>
  );
}

export default function AdminLayout() {
  const { apiKey, locale } = useLoaderData<typeof loader>();
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey} i18n={polarisTranslations(locale.language)}>
      <I18nProvider locale={locale}>
        <AdminNav />
        <Outlet />
      </I18nProvider>
    </AppProvider>
  );
}

// Shopify needs Remix to catch some thrown responses, so that their headers are included in the response.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
