import { describe, expect, it } from "vitest";
import {
  appBlockHandle,
  appEmbedState,
  parseThemeJson,
  placedAppBlocks,
  stripBlockComments,
  ThemeFileError,
} from "../../../app/models/setup-guide/theme-status";

const UID = "0a6f1c3e-5b7d-4e2a-9c1f-3d8e7b6a5c40";
const embedType = `shopify://apps/aftercare/blocks/shipping-banner/${UID}`;

/** settings_data.json as Shopify writes it: generated-file comment first, app embeds under current.blocks. */
function settingsData(blocks: Record<string, unknown>): string {
  return `/*
 * ------------------------------------------------------------
 * IMPORTANT: The contents of this file are auto-generated.
 * ------------------------------------------------------------
 */
${JSON.stringify({
  current: {
    logo_width: 90,
    social_instagram_link: "https://instagram.com/aftercare/*not-a-comment*/",
    blocks,
    sections: {},
  },
  presets: { Dawn: {} },
}, null, 2)}`;
}

describe("reading settings_data.json", () => {
  it("finds the app embed switched on, next to other apps' embeds", () => {
    const data = parseThemeJson("config/settings_data.json", settingsData({
      "1": { type: "shopify://apps/judge-me-reviews/blocks/judgeme_core/61ccd3b1", disabled: false, settings: {} },
      "17364589376543210": { type: embedType, disabled: false, settings: { show_banner: true } },
    }));

    expect(appEmbedState(data, "aftercare")).toBe("enabled");
  });

  it("tells a switched-off embed from one never switched on", () => {
    const off = parseThemeJson("config/settings_data.json", settingsData({ "9": { type: embedType, disabled: true, settings: {} } }));
    const never = parseThemeJson("config/settings_data.json", settingsData({
      "1": { type: "shopify://apps/other-app/blocks/shipping-banner/abc", disabled: false, settings: {} },
    }));

    expect(appEmbedState(off, "aftercare")).toBe("disabled");
    expect(appEmbedState(never, "aftercare")).toBe("missing");
  });

  it("treats an embed with no disabled flag as on", () => {
    const data = parseThemeJson("config/settings_data.json", settingsData({ "9": { type: embedType, settings: {} } }));
    expect(appEmbedState(data, "aftercare")).toBe("enabled");
  });

  it("follows `current` when it names a preset, as older themes store it", () => {
    const data = parseThemeJson("config/settings_data.json", JSON.stringify({
      current: "Default",
      presets: { Default: { blocks: { "5": { type: embedType, disabled: false } } } },
    }));
    expect(appEmbedState(data, "aftercare")).toBe("enabled");
  });

  it("keeps comment-like text inside strings and refuses files that are not theme JSON", () => {
    const text = settingsData({});
    expect(JSON.parse(stripBlockComments(text)).current.social_instagram_link).toBe("https://instagram.com/aftercare/*not-a-comment*/");
    expect(() => parseThemeJson("config/settings_data.json", "{ \"current\": ")).toThrow(ThemeFileError);
    expect(() => parseThemeJson("config/settings_data.json", "[]")).toThrow(/settings_data\.json: expected a JSON object/);
    expect(() => appEmbedState({ presets: {} }, "aftercare")).toThrow(/no current settings/);
  });
});

describe("reading a JSON template", () => {
  const productTemplate = {
    sections: {
      main: {
        type: "main-product",
        blocks: {
          title: { type: "title", settings: {} },
          "delivery_estimate_Vb7Q": { type: `shopify://apps/aftercare/blocks/delivery-estimate/${UID}`, settings: {} },
          "return_policy_x1": { type: `shopify://apps/aftercare/blocks/return-policy/${UID}`, disabled: true, settings: {} },
          reviews: { type: "shopify://apps/judge-me-reviews/blocks/review_widget/61ccd3b1", settings: {} },
        },
        block_order: ["title", "delivery_estimate_Vb7Q", "return_policy_x1", "reviews"],
      },
      "apps_Hk2": {
        type: "apps",
        blocks: { contact: { type: `shopify://apps/aftercare/blocks/contact-options/${UID}`, settings: {} } },
      },
      "hidden_apps": {
        type: "apps",
        disabled: true,
        blocks: { help: { type: `shopify://apps/aftercare/blocks/return-help/${UID}`, settings: {} } },
      },
      group: {
        type: "product-information",
        blocks: { column: { type: "group", blocks: { check: { type: `shopify://apps/aftercare/blocks/return-check/${UID}` } } } },
      },
    },
    order: ["main", "apps_Hk2", "hidden_apps", "group"],
  };

  it("lists the app's blocks the template renders, in any section and nested group", () => {
    expect(placedAppBlocks(productTemplate, "aftercare")).toEqual(["contact-options", "delivery-estimate", "return-check"]);
  });

  it("ignores other apps' blocks and templates without the app", () => {
    expect(placedAppBlocks(productTemplate, "judge-me-reviews")).toEqual(["review_widget"]);
    expect(placedAppBlocks({ sections: { main: { type: "main-product", blocks: {} } } }, "aftercare")).toEqual([]);
    expect(() => placedAppBlocks({ wrapper: "div" }, "aftercare")).toThrow(/templates\/product\.json: has no sections/);
  });

  it("reads the block handle only from the app's own block types", () => {
    expect(appBlockHandle(`shopify://apps/aftercare/blocks/delivery-estimate/${UID}`, "aftercare")).toBe("delivery-estimate");
    expect(appBlockHandle(`shopify://apps/aftercare-pro/blocks/delivery-estimate/${UID}`, "aftercare")).toBeNull();
    expect(appBlockHandle("@app", "aftercare")).toBeNull();
    expect(appBlockHandle(42, "aftercare")).toBeNull();
  });
});
