import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { SetupGuide } from "~/components/setup-guide/setup-guide";
import { buildSetupGuide, type SetupFacts } from "~/models/setup-guide/setup-guide";
import type { SetupGuideView } from "~/models/setup-guide/setup-guide.server";

const FACTS: SetupFacts = {
  shop: "aftercare-demo.myshopify.com",
  apiKey: "demo-key",
  theme: { checked: true, themeName: "Dawn", embed: "enabled", productBlocks: [] },
  shippingZoneCount: 0,
  returnWindowDays: null,
  reviewRequestsEnabled: false,
  sentEmailCount: 0,
  manualDone: [],
};

/** Server-renders the guide inside a data router, as the admin home does (the guide submits with fetchers). */
async function render(guide: SetupGuideView): Promise<string> {
  const routes = [{ path: "/app", element: <AppProvider i18n={en}><SetupGuide guide={guide} /></AppProvider> }];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request("https://aftercare.example.test/app"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  return renderToString(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, context)} context={context} hydrate={false} />);
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/\s+/g, " ");

describe("setup guide card", () => {
  it("shows progress, the live-theme summary and opens the first unfinished step with its theme editor link", async () => {
    const html = await render({ dismissed: false, ...buildSetupGuide(FACTS) });
    const page = text(html);

    expect(page).toContain("1 of 9 tasks complete");
    expect(page).toContain('In your live theme "Dawn", the Aftercare app embed is on');
    expect(page).toContain("Choose when to ask for reviews");
    // The first open step (delivery estimate) is expanded, with its deep link opening outside the app frame.
    expect(page).toContain("Shoppers see when their order arrives");
    expect(html).toContain(
      'href="https://aftercare-demo.myshopify.com/admin/themes/current/editor?template=product&amp;addAppBlockId=demo-key/delivery-estimate&amp;target=mainSection"',
    );
    expect(html).toMatch(/target="_blank"/);
  });

  it("opens the checkout editor's Thank you page from its step, with a way to mark it done", async () => {
    const done: SetupFacts = {
      ...FACTS,
      theme: { checked: true, themeName: "Dawn", embed: "enabled", productBlocks: ["delivery-estimate", "return-policy"] },
      shippingZoneCount: 1,
      returnWindowDays: 30,
      reviewRequestsEnabled: true,
    };
    const html = await render({ dismissed: false, ...buildSetupGuide(done) });
    const page = text(html);

    // The first open step is now the Thank-you block: expanded, with its editor link outside the app frame.
    expect(page).toContain("Add the Thank-you block");
    expect(page).toContain("Add the Order-status block");
    expect(html).toContain('href="https://aftercare-demo.myshopify.com/admin/settings/checkout/editor?page=thank-you&amp;context=apps"');
    expect(page).toContain("Open the checkout editor");
    expect(page).toContain("Mark as done");
  });

  it("flags theme steps it could not check", async () => {
    const page = text(await render({ dismissed: false, ...buildSetupGuide({ ...FACTS, theme: { checked: false, reason: "the shop has no published theme" } }) }));

    expect(page).toContain("Could not check your theme: the shop has no published theme.");
    // The summary, then for each of the three theme steps a badge and the marker's label for screen readers.
    expect(page.match(/Could not check/g)).toHaveLength(1 + 3 * 2);
  });

  it("renders nothing once dismissed", async () => {
    expect(text(await render({ dismissed: true })).trim()).toBe("");
  });
});
