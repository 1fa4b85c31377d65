import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FLOW_TRIGGERS, deliveryLateEvent, helpRequestedEvent, returnRequestedEvent, reviewEvents, surveyDetractorEvent, type QueuedFlowEvent } from "../../../app/models/flow/triggers";
import { REVIEW_REQUEST_ACTION_HANDLE } from "../../../app/models/flow/action";
import { parseFlowToml, payloadKeyOf, readFlowExtensions } from "../../support/flow-extensions";

/** The Flow extension tomls parse, and declare exactly the fields the app sends for each trigger. */

const extensions = readFlowExtensions();
const triggers = extensions.filter((extension) => extension.type === "flow_trigger");
const subject = { orderId: "gid://shopify/Order/11", customerId: "gid://shopify/Customer/22", productId: "gid://shopify/Product/33" };

/** One event of every trigger, built by the same functions the call sites use. */
const sample: QueuedFlowEvent[] = [
  ...reviewEvents({ ...subject, reviewId: "r1", rating: 1, verified: true }, 2),
  surveyDetractorEvent({ ...subject, kind: "nps", value: 3, followUp: true })!,
  helpRequestedEvent({ ...subject, lineItemId: "gid://shopify/LineItem/44", message: null }),
  deliveryLateEvent({ ...subject, noticeKey: "delay:x:2026-05-06", promisedLatest: "2026-05-06" }),
  returnRequestedEvent({ ...subject, returnId: "gid://shopify/Return/55", returnName: "#11-R1", lines: [{ quantity: 2, reason: "Too small" }] }),
];

describe("Flow extension tomls", () => {
  it("are one folder per trigger the app fires, plus the review request action", () => {
    expect(triggers.map((extension) => extension.handle).sort()).toEqual(Object.values(FLOW_TRIGGERS).map((trigger) => trigger.handle).sort());
    expect(extensions.filter((extension) => extension.type === "flow_action").map((extension) => extension.handle)).toEqual([REVIEW_REQUEST_ACTION_HANDLE]);
    for (const extension of extensions) {
      expect(extension.dir).toBe(`flow-${extension.handle}`);
      expect(extension.handle.length).toBeLessThanOrEqual(30);
      expect(extension.handle).toMatch(/^[a-z0-9-]+$/);
      expect(extension.description?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it.each(triggers.map((extension) => [extension.handle, extension] as const))("%s declares the keys of the payload the app sends", (handle, extension) => {
    const events = sample.filter((event) => event.handle === handle);
    expect(events).toHaveLength(1);
    expect(Object.keys(events[0].payload).sort()).toEqual(extension.fields.map(payloadKeyOf).sort());
    // Custom fields carry a key; reference fields must not (Shopify fixes theirs).
    for (const field of extension.fields) {
      if (field.type.endsWith("_reference")) expect(field.key).toBeUndefined();
      else expect(field.key).toBeTruthy();
    }
  });

  it("declares each custom field with the type its value has", () => {
    const typeOf = (value: unknown) => (typeof value === "boolean" ? "boolean" : typeof value === "number" ? "number_integer" : "single_line_text_field");
    for (const event of sample) {
      const extension = triggers.find((candidate) => candidate.handle === event.handle)!;
      for (const field of extension.fields.filter((candidate) => !candidate.type.endsWith("_reference"))) {
        expect([event.handle, field.key, field.type]).toEqual([event.handle, field.key, typeOf(event.payload[field.key!])]);
      }
    }
  });

  it("the action posts to the route that serves it, with the order as its one field", () => {
    const [flowAction] = extensions.filter((extension) => extension.type === "flow_action");
    const appUrl = /^application_url = "([^"]+)"/m.exec(readFileSync("shopify.app.toml", "utf8"))?.[1];
    expect(flowAction.runtime_url).toBe(`${appUrl}/flow/actions/review-request`);
    expect(readFileSync("app/routes/flow.actions.review-request.tsx", "utf8")).toContain("export const action");
    expect(flowAction.fields).toEqual([{ type: "order_reference", required: true }]);
  });

  it("the parser refuses what a Flow toml cannot hold", () => {
    expect(() => parseFlowToml('[[extensions]]\nname = "x"\nhandle = "x"\ntype = "flow_trigger"\nfields = [1]\n')).toThrow(/not understood/);
    expect(() => parseFlowToml('[[extensions]]\nname = "x"\nhandle = "x"\ntype = "theme"\n')).toThrow(/not a Flow extension/);
    expect(() => parseFlowToml('[[extensions]]\nname = "x"\ntype = "flow_trigger"\n')).toThrow(/needs handle/);
  });
});
