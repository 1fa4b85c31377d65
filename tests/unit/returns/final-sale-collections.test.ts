import { describe, expect, it } from "vitest";
import { DEFAULT_DRAFT, collectionTitlesOf, draftFromRules, parseReturnDraft } from "~/components/returns/return-form";
import { chosenFromSelection, selectionIdsFor, withoutResource } from "~/components/settings/resource-selection";
import { returnRulesSchema } from "~/models/returns/rules";

const COFFEE = { id: "gid://shopify/Collection/470000001", title: "Coffee" };
const SALE = { id: "gid://shopify/Collection/470000003", title: "Sample sale" };

describe("final-sale collections chosen with the resource picker", () => {
  it("lists what the picker selected by title and saves its ids", () => {
    const chosen = chosenFromSelection("collection", [], [SALE, COFFEE]);
    expect(chosen).toEqual([SALE, COFFEE]);

    const result = parseReturnDraft({ ...DEFAULT_DRAFT, finalSaleCollections: chosen });
    expect(result.ok && result.rules.finalSale.collectionIds).toEqual([SALE.id, COFFEE.id]);
  });

  it("changes nothing when the picker is cancelled", () => {
    const current = [{ id: "42", title: "Clearance" }];
    expect(chosenFromSelection("collection", current, undefined)).toEqual(current);
  });

  it("keeps an id saved in the old numeric form when it stays selected, so an unchanged save stores the same ids", () => {
    const saved = returnRulesSchema.parse({ finalSale: { collectionIds: ["470000001", SALE.id] } });
    const draft = draftFromRules(saved, { [COFFEE.id]: "Coffee", [SALE.id]: "Sample sale" });
    expect(draft.finalSaleCollections).toEqual([{ id: "470000001", title: "Coffee" }, SALE]);

    // The picker opens with both ticked (as GIDs) and the merchant presses Select without changes.
    const ticked = selectionIdsFor("collection", draft.finalSaleCollections);
    expect(ticked).toEqual([{ id: COFFEE.id }, { id: SALE.id }]);
    const again = chosenFromSelection("collection", draft.finalSaleCollections, [COFFEE, SALE]);
    const result = parseReturnDraft({ ...draft, finalSaleCollections: again });
    expect(result.ok && result.rules.finalSale.collectionIds).toEqual(["470000001", SALE.id]);
  });

  it("takes a title renamed in Shopify from the picker and drops a collection picked twice", () => {
    const chosen = chosenFromSelection("collection", [COFFEE], [{ id: COFFEE.id, title: "Coffee beans" }, { id: COFFEE.id, title: "Coffee beans" }]);
    expect(chosen).toEqual([{ id: COFFEE.id, title: "Coffee beans" }]);
  });

  it("removes one collection and leaves the others", () => {
    expect(withoutResource([COFFEE, SALE], COFFEE.id)).toEqual([SALE]);
  });

  it("gives a saved draft back the titles the merchant saw, and an unknown collection no title", () => {
    const draft = { ...DEFAULT_DRAFT, finalSaleCollections: [SALE] };
    const result = parseReturnDraft(draft);
    if (!result.ok) throw new Error("draft should parse");
    expect(draftFromRules(result.rules, collectionTitlesOf(draft)).finalSaleCollections).toEqual([SALE]);
    expect(draftFromRules(result.rules).finalSaleCollections).toEqual([{ id: SALE.id, title: "" }]);
  });

  it("shows a collection id that is not a collection on the field, never saving it", () => {
    const result = parseReturnDraft({ ...DEFAULT_DRAFT, finalSaleCollections: [{ id: "gid://shopify/Product/1", title: "Mug" }] });
    expect(result).toEqual({ ok: false, errors: { finalSaleCollections: expect.stringMatching(/collection/i) } });
  });
});
