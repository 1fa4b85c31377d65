import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "../../app/db.server";
import { returnRulesSchema } from "../../app/models/returns/rules";
import { saveReturnSettings } from "../../app/models/returns/settings.server";
import { adminFetchRequest, appProxyRequest, appUrl, routeAnswer } from "../support/app-requests";
import { HTML_PAGE, pngBytes } from "../support/review-photos";
import { createFakeAdmin, createSeedShop, fakeReturns, type FakeAdmin, type SeedOrder } from "../support/fake-admin";
import { seedOrder } from "../support/keep-in-touch-fixtures";
import { storeOfflineSession } from "../support/sessions";
import { routeShop } from "../support/shopify-network";
import { extensionRequest, mintExtensionToken } from "../support/signing";
import { TEST_API_KEY, TEST_API_SECRET, TEST_SHOP } from "../support/test-env";

/**
 * The shopper's return request from the storefront's order return check (app proxy, signed as Shopify
 * signs it): the shopper sees what may be returned and Shopify's reasons, asks to return one of two
 * items, and Shopify's (fake) order shows the requested return. A request the rules refuse (outside
 * the window, final sale, more than bought) gets a clear message; someone else's order and an unknown
 * one get the same neutral answer; in none of these cases is anything sent to Shopify.
 */

const shop = TEST_SHOP;
const TOKEN = "shpat_returns_request";
const START = new Date("2026-11-25T08:00:00Z");
const DAY = 86_400_000;
let fake: FakeAdmin;
let order: SeedOrder;
let other: SeedOrder;

const proxy = await import("../../app/routes/proxy.return-request");
const customerAccount = await import("../../app/routes/api.customer-account.return");
const detailRoute = await import("../../app/routes/app.returns.$id");
const photoRoute = await import("../../app/routes/app.returns.photo.$id");

/** The customer account extension's call, with the session token Shopify gives it for `customerId`. */
async function fromCustomerAccount(customerId: string, init: { orderId: string; body?: Record<string, unknown>; locale?: string }) {
  const token = mintExtensionToken({ shop, apiKey: TEST_API_KEY, secret: TEST_API_SECRET, customerId });
  const query = `?orderId=${encodeURIComponent(init.orderId)}&locale=${init.locale ?? "en"}`;
  const request = extensionRequest(appUrl(`/api/customer-account/return${init.body ? "" : query}`), token, init.body ? { body: { orderId: init.orderId, ...init.body } } : {});
  const route = init.body ? customerAccount.action : customerAccount.loader;
  const response = await routeAnswer(() => route({ request, params: {}, context: {} }));
  return { status: response.status, cors: response.headers.get("Access-Control-Allow-Origin"), body: (await response.json()) as Record<string, any> };
}

function post(body: Record<string, unknown>, options: { loggedInCustomerId?: string; locale?: string } = {}) {
  const request = appProxyRequest(`/proxy/return-request${options.locale ? `?locale=${options.locale}` : ""}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": "203.0.113.7" },
    body: JSON.stringify(body),
    loggedInCustomerId: options.loggedInCustomerId,
  });
  return routeAnswer(() => proxy.action({ request, params: {}, context: {} }) as Promise<Response>);
}

async function answer(body: Record<string, unknown>, options?: { loggedInCustomerId?: string; locale?: string }) {
  const response = await post(body, options);
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const returnMutations = () => fake.requests.filter((request) => request.operationName === "ReturnRequest");
const reasonId = (handle: string) => fakeReturns(fake.state).reasonByHandle(handle).id;

async function saveRules(finalSaleProductId?: string) {
  await saveReturnSettings(shop, {
    rules: returnRulesSchema.parse({ windowDays: 30, windowStartsAt: "delivery", finalSale: { tags: finalSaleProductId ? ["final-sale"] : [], collectionIds: [] } }),
    timeZone: "Asia/Jakarta",
    finalSaleProducts: finalSaleProductId ? { [finalSaleProductId]: { tags: ["final-sale"], collectionIds: [] } } : {},
  });
}

async function syncOrder(seed: SeedOrder, email: string) {
  await seedOrder(shop, {
    id: seed.id,
    name: seed.name,
    createdAt: new Date(seed.createdAt),
    customerId: seed.customerId,
    email,
    firstName: "Sari",
    locale: "en",
    fulfillmentStatus: "FULFILLED",
    parcels: seed.fulfillments.map((fulfillment) => ({ id: fulfillment.id, createdAt: new Date(fulfillment.createdAt), deliveredAt: new Date(fulfillment.deliveredAt!) })),
    lineItems: seed.lineItems.map((line) => ({ id: line.id, productId: line.productId, title: line.title, sku: line.sku, quantity: line.quantity })),
  });
}

beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: START });
});
afterAll(() => {
  vi.useRealTimers();
});

beforeEach(async () => {
  vi.setSystemTime(START);
  await prisma.rateLimitHit.deleteMany();
  await prisma.outboxMessage.deleteMany();
  await prisma.returnPhoto.deleteMany();
  await prisma.returnRequestLine.deleteMany();
  await prisma.returnRequest.deleteMany();
  fake = createFakeAdmin({ shop: createSeedShop({ domain: shop }), accessToken: TOKEN, apiSecret: TEST_API_SECRET, scopes: ["read_orders", "read_returns", "write_returns"] });
  routeShop(shop, (request) => fake.handle(request));
  await storeOfflineSession({ accessToken: TOKEN, scope: "read_orders,read_returns,write_returns" });
  const candidates = fake.state.seed.orders.filter(
    (candidate) =>
      !candidate.cancelledAt && candidate.displayFinancialStatus === "PAID" && candidate.displayFulfillmentStatus === "FULFILLED" &&
      candidate.lineItems.length === 2 && candidate.fulfillments.length === 1 && candidate.fulfillments[0].deliveredAt !== null,
  );
  [order, other] = [candidates.at(-1)!, candidates.at(-2)!];
  await saveRules();
  await syncOrder(order, "sari@example.test");
  await syncOrder(other, "budi@example.test");
});

describe("a return requested from the storefront's order check", () => {
  it("lists the returnable items and Shopify's reasons, then sends one of two items to Shopify as a requested return", async () => {
    const [first, second] = order.lineItems;
    const options = await answer({ intent: "options", orderNumber: order.name, email: "SARI@example.test" });
    expect(options.status).toBe(200);
    expect(options.body).toMatchObject({
      result: "options",
      orderName: order.name,
      items: [
        { lineItemId: first.id, title: first.title, maxQuantity: first.quantity, refusal: null },
        { lineItemId: second.id, title: second.title, maxQuantity: second.quantity, refusal: null },
      ].sort((a, b) => a.lineItemId.localeCompare(b.lineItemId)),
    });
    expect(options.body.reasons).toContainEqual({ id: reasonId("size-too-small"), name: "Size was too small" });

    const requested = await answer({
      intent: "request",
      orderNumber: order.name,
      email: "sari@example.test",
      items: [
        { lineItemId: first.id, quantity: 1, reasonDefinitionId: reasonId("size-too-small") },
        { lineItemId: second.id, quantity: 0, reasonDefinitionId: "" },
      ],
      note: "Runs small",
    });
    expect(requested.status).toBe(200);
    expect(requested.body).toMatchObject({ result: "requested", return: { name: `${order.name}-R1`, status: "requested" } });
    expect(requested.body.message).toBe(`Your return request ${order.name}-R1 was sent. We'll email you once it has been reviewed.`);

    // Shopify's order shows the requested return of that one unit.
    const [entry] = fakeReturns(fake.state).forOrder(order.id);
    expect(entry).toMatchObject({ status: "REQUESTED", lines: [{ quantity: 1, customerNote: "Runs small" }] });
    expect(fake.state.seed.orders.find((candidate) => candidate.id === order.id)!.fulfillments[0].fulfillmentLineItems.find((item) => item.id === entry.lines[0].fulfillmentLineItemId)!.lineItem.id).toBe(first.id);
    // Aftercare's copy, and the "request received" email queued once.
    const copy = await prisma.returnRequest.findFirstOrThrow({ include: { lines: true } });
    expect(copy).toMatchObject({ source: "storefront", status: "requested", customerId: order.customerId, lines: [{ lineItemId: first.id, quantity: 1, reason: "size-too-small" }] });
    expect(await prisma.outboxMessage.findMany({ select: { dedupeKey: true, toAddress: true } })).toEqual([{ dedupeKey: `return:${entry.id}:requested`, toAddress: "sari@example.test" }]);

    // The unit in the return is no longer offered.
    const after = await answer({ intent: "options", orderNumber: order.name, email: "sari@example.test" });
    expect(after.body.items.find((item: { lineItemId: string }) => item.lineItemId === first.id)).toMatchObject({
      maxQuantity: first.quantity - 1,
      ...(first.quantity === 1 ? { refusal: `"${first.title}" is already in a return.` } : {}),
    });
  });

  it("lets a logged-in shopper ask without typing the email, and answers in Indonesian on an Indonesian storefront", async () => {
    const [first] = order.lineItems;
    const customer = order.customerId.split("/").pop();
    const refused = await answer(
      { intent: "request", orderNumber: order.name, items: [{ lineItemId: first.id, quantity: first.quantity + 1, reasonDefinitionId: reasonId("defective") }] },
      { loggedInCustomerId: customer, locale: "id" },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.problems).toEqual([{ lineItemId: first.id, message: `Anda dapat mengembalikan paling banyak ${first.quantity} "${first.title}".` }]);
    const options = await answer({ intent: "options", orderNumber: order.name }, { loggedInCustomerId: customer, locale: "id" });
    expect(options.body.reasons).toContainEqual({ id: reasonId("defective"), name: "Rusak atau cacat" });
    expect(returnMutations()).toHaveLength(0);
  });
});

describe("refused requests send nothing to Shopify", () => {
  const ask = (lineItemId: string, quantity: number, extra: Record<string, unknown> = {}) =>
    answer({ intent: "request", orderNumber: order.name, email: "sari@example.test", items: [{ lineItemId, quantity, reasonDefinitionId: reasonId("unwanted") }], ...extra });

  it("refuses an item whose return window has closed, naming the last day", async () => {
    const [first] = order.lineItems;
    vi.setSystemTime(Date.parse(order.fulfillments[0].deliveredAt!) + 40 * DAY);
    const refused = await ask(first.id, 1);
    expect(refused.status).toBe(422);
    expect(refused.body.result).toBe("refused");
    expect(refused.body.problems).toEqual([{ lineItemId: first.id, message: expect.stringMatching(new RegExp(`^The return window for "${escapeRegExp(first.title)}" closed on \\w+ \\d{1,2}, 20\\d\\d\\.$`)) }]);
    expect(returnMutations()).toHaveLength(0);
  });

  it("refuses a final-sale item", async () => {
    const [, second] = order.lineItems;
    await saveRules(second.productId!);
    const refused = await ask(second.id, 1);
    expect(refused).toMatchObject({ status: 422, body: { problems: [{ lineItemId: second.id, message: `"${second.title}" was a final sale and cannot be returned.` }] } });
    expect(returnMutations()).toHaveLength(0);
  });

  it("refuses more than was bought", async () => {
    const [first] = order.lineItems;
    const refused = await ask(first.id, first.quantity + 1);
    expect(refused).toMatchObject({ status: 422, body: { problems: [{ message: `You can return at most ${first.quantity} of "${first.title}".` }] } });
    expect(returnMutations()).toHaveLength(0);
  });

  it("refuses a request with no reason, or for an item of another order", async () => {
    const [first] = order.lineItems;
    const noReason = await answer({ intent: "request", orderNumber: order.name, email: "sari@example.test", items: [{ lineItemId: first.id, quantity: 1, reasonDefinitionId: "" }] });
    expect(noReason).toMatchObject({ status: 422, body: { problems: [{ message: `Choose a reason for returning "${first.title}".` }] } });
    const foreign = await ask(other.lineItems[0].id, 1);
    expect(foreign).toMatchObject({ status: 422, body: { problems: [{ message: `"${other.lineItems[0].id}" is not an item of this order.` }] } });
    expect(returnMutations()).toHaveLength(0);
  });

  it("answers someone else's order and an unknown order the same neutral way", async () => {
    const [first] = order.lineItems;
    const items = [{ lineItemId: first.id, quantity: 1, reasonDefinitionId: reasonId("unwanted") }];
    const wrongEmail = await answer({ intent: "request", orderNumber: order.name, email: "budi@example.test", items });
    const otherCustomer = await answer({ intent: "request", orderNumber: order.name, items }, { loggedInCustomerId: other.customerId.split("/").pop() });
    const unknown = await answer({ intent: "request", orderNumber: "#99999", email: "sari@example.test", items });
    const options = await answer({ intent: "options", orderNumber: order.name, email: "budi@example.test" });
    const neutral = { status: 200, body: { result: "not_found", message: "We couldn't find an order with that number and email address." } };
    for (const reply of [wrongEmail, otherCustomer, unknown, options]) expect(reply).toEqual(neutral);
    expect(returnMutations()).toHaveLength(0);
    expect(fake.requests.filter((request) => request.operationName === "ReturnableFulfillments")).toHaveLength(0);
    expect(await prisma.returnRequest.count()).toBe(0);
  });

  it("answers a malformed request 422 and a forged signature 400, storing nothing", async () => {
    const malformed = await answer({ intent: "request", orderNumber: order.name, email: "sari@example.test", items: "everything" });
    expect(malformed).toEqual({ status: 422, body: { errors: { form: "Something in the request is missing or not valid. Please check it and try again." } } });
    const forged = appProxyRequest("/proxy/return-request", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}", signature: "0".repeat(64) });
    expect((await routeAnswer(() => proxy.action({ request: forged, params: {}, context: {} }) as Promise<Response>)).status).toBe(400);
    expect(returnMutations()).toHaveLength(0);
    expect(await prisma.returnRequest.count()).toBe(0);
  });
});

describe("a return requested from the customer account", () => {
  it("lists the customer's returnable items and sends the request to Shopify, identity from the token only", async () => {
    const [first] = order.lineItems;
    const options = await fromCustomerAccount(order.customerId, { orderId: order.id, locale: "id" });
    expect(options).toMatchObject({ status: 200, cors: "*", body: { orderName: order.name } });
    expect(options.body.items.map((item: { lineItemId: string }) => item.lineItemId).sort()).toEqual(order.lineItems.map((line) => line.id).sort());
    expect(options.body.reasons).toContainEqual({ id: reasonId("wrong-item"), name: "Barang yang diterima salah" });

    const requested = await fromCustomerAccount(order.customerId, {
      orderId: order.id,
      body: { items: [{ lineItemId: first.id, quantity: 1, reasonDefinitionId: reasonId("wrong-item") }], note: "Warna berbeda", locale: "id", customerId: other.customerId },
    });
    expect(requested).toMatchObject({ status: 200, body: { requested: true, return: { name: `${order.name}-R1`, status: "requested" } } });
    expect(requested.body.message).toBe(`Permintaan pengembalian ${order.name}-R1 sudah terkirim. Kami akan mengabari Anda lewat email setelah meninjaunya.`);
    expect(fakeReturns(fake.state).forOrder(order.id)).toMatchObject([{ status: "REQUESTED", lines: [{ quantity: 1, customerNote: "Warna berbeda" }] }]);
    expect(await prisma.returnRequest.findFirstOrThrow()).toMatchObject({ source: "customer_account", customerId: order.customerId });
  });

  it("refuses another customer's order, and a request the rules refuse, sending nothing to Shopify", async () => {
    const [first] = order.lineItems;
    const items = [{ lineItemId: first.id, quantity: 1, reasonDefinitionId: reasonId("unwanted") }];
    const theirs = await fromCustomerAccount(other.customerId, { orderId: order.id, body: { items } });
    expect(theirs).toMatchObject({ status: 404, cors: "*", body: { error: "order_not_found" } });
    expect(await fromCustomerAccount(other.customerId, { orderId: order.id })).toMatchObject({ status: 404, body: { error: "order_not_found" } });

    const tooMany = await fromCustomerAccount(order.customerId, { orderId: order.id, body: { items: [{ ...items[0], quantity: first.quantity + 5 }] } });
    expect(tooMany).toMatchObject({ status: 422, body: { error: "return_refused", problems: [{ lineItemId: first.id, message: `You can return at most ${first.quantity} of "${first.title}".` }] } });
    expect(returnMutations()).toHaveLength(0);
    expect(await prisma.returnRequest.count()).toBe(0);
  });
});

describe("a photo with the customer account's return request", () => {
  /** The modal's request with a photo: the fields as JSON in `json`, the file in `photo`, the customer's token. */
  async function sendWithPhoto(customerId: string, photo: { bytes: Uint8Array; name: string; type: string }) {
    const token = mintExtensionToken({ shop, apiKey: TEST_API_KEY, secret: TEST_API_SECRET, customerId });
    const form = new FormData();
    const [first] = order.lineItems;
    form.set("json", JSON.stringify({ orderId: order.id, items: [{ lineItemId: first.id, quantity: 1, reasonDefinitionId: reasonId("defective") }], note: "Cracked", locale: "en" }));
    form.set("photo", new File([new Uint8Array(photo.bytes)], photo.name, { type: photo.type }));
    const response = await routeAnswer(() => customerAccount.action({ request: extensionRequest(appUrl("/api/customer-account/return"), token, { body: form }), params: {}, context: {} }));
    return { status: response.status, cors: response.headers.get("Access-Control-Allow-Origin"), body: (await response.json()) as Record<string, any> };
  }

  it("keeps the photo with the return the customer asked for, for the merchant's return page", async () => {
    const requested = await sendWithPhoto(order.customerId, { bytes: pngBytes(), name: "IMG_0042.HEIC.png", type: "image/png" });
    expect(requested).toMatchObject({ status: 200, cors: "*", body: { requested: true, return: { name: `${order.name}-R1` } } });
    expect(returnMutations()).toHaveLength(1);
    const copy = await prisma.returnRequest.findFirstOrThrow({ include: { photos: true } });
    expect(copy).toMatchObject({ source: "customer_account", photos: [{ contentType: "image/png", byteSize: pngBytes().byteLength }] });
  });

  it("refuses a file that is not a photo, or one over 5 MB, with a code the modal translates, sending nothing", async () => {
    const notPhoto = await sendWithPhoto(order.customerId, { bytes: HTML_PAGE, name: "photo.png", type: "image/png" });
    expect(notPhoto).toMatchObject({ status: 415, cors: "*", body: { error: "photo_refused" } });
    const tooBig = await sendWithPhoto(order.customerId, { bytes: pngBytes(5 * 1024 * 1024 + 1), name: "big.png", type: "image/png" });
    expect(tooBig).toMatchObject({ status: 413, body: { error: "too_large" } });
    // Someone else's order stays someone else's, photo or not.
    expect(await sendWithPhoto(other.customerId, { bytes: pngBytes(), name: "a.png", type: "image/png" })).toMatchObject({ status: 404, body: { error: "order_not_found" } });
    expect(returnMutations()).toHaveLength(0);
    expect(await prisma.returnPhoto.count()).toBe(0);
  });
});

describe("a photo with the storefront's return request", () => {
  /** The form as the storefront sends it with a photo: the fields as JSON, the file beside them. */
  async function postWithPhoto(fields: Record<string, unknown>, photo: { bytes: Uint8Array; name: string; type: string }, locale?: string) {
    const form = new FormData();
    form.set("json", JSON.stringify(fields));
    form.set("photo", new File([new Uint8Array(photo.bytes)], photo.name, { type: photo.type }));
    const request = appProxyRequest(`/proxy/return-request${locale ? `?locale=${locale}` : ""}`, { method: "POST", headers: { "X-Forwarded-For": "203.0.113.7" }, body: form });
    const response = await routeAnswer(() => proxy.action({ request, params: {}, context: {} }) as Promise<Response>);
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }
  const asking = () => ({
    intent: "request",
    orderNumber: order.name,
    email: "sari@example.test",
    items: [{ lineItemId: order.lineItems[0].id, quantity: 1, reasonDefinitionId: reasonId("defective") }],
    note: "Cracked on arrival",
  });
  const getPhoto = (path: string) => {
    const id = decodeURIComponent(path.split("/").pop()!);
    return routeAnswer(() => photoRoute.loader({ request: adminFetchRequest(path), params: { id }, context: {} }) as Promise<Response>);
  };

  it("keeps the photo with the return and shows it to the merchant on the return page", async () => {
    const requested = await postWithPhoto(asking(), { bytes: pngBytes(), name: "crack.jpg", type: "image/jpeg" });
    expect(requested).toMatchObject({ status: 200, body: { result: "requested", return: { name: `${order.name}-R1` } } });
    expect(returnMutations()).toHaveLength(1);

    const [entry] = fakeReturns(fake.state).forOrder(order.id);
    const param = entry.id.split("/").pop()!;
    const detail = await routeAnswer(() => detailRoute.loader({ request: adminFetchRequest(`/app/returns/${param}`), params: { id: param }, context: {} }) as Promise<Response>);
    const { view } = (await detail.json()) as { view: { photoUrl: string | null; photoRef: string | null } };
    expect(view.photoUrl).toMatch(/^\/app\/returns\/photo\/[\w-]+$/);

    const photo = await getPhoto(view.photoUrl!);
    expect(photo.status).toBe(200);
    // Stored as what the bytes are (a PNG), whatever the file was called.
    expect(photo.headers.get("Content-Type")).toBe("image/png");
    expect(Buffer.from(await photo.arrayBuffer()).subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("does not serve one shop's photo to another shop", async () => {
    const otherShop = "someone-else.myshopify.com";
    const theirs = await prisma.returnRequest.create({
      data: { shop: otherShop, orderId: "gid://shopify/Order/9", shopifyReturnId: "gid://shopify/Return/9", status: "requested", source: "storefront", requestedAt: START },
    });
    await prisma.returnPhoto.create({ data: { id: "their-photo", shop: otherShop, returnRequestId: theirs.id, contentType: "image/png", byteSize: pngBytes().byteLength, bytes: new Uint8Array(pngBytes()), createdAt: START } });
    const refused = await getPhoto("/app/returns/photo/their-photo");
    expect(refused.status).toBe(404);
    expect(refused.headers.get("Content-Type")).not.toBe("image/png");
    await prisma.returnRequest.delete({ where: { id: theirs.id } });
  });

  it("refuses a file that is not a photo, or too big, in the shopper's language, sending nothing to Shopify", async () => {
    const wrongType = await postWithPhoto(asking(), { bytes: HTML_PAGE, name: "photo.png", type: "image/png" });
    expect(wrongType).toMatchObject({ status: 415, body: { errors: { form: "Please add your photo as a JPEG, PNG or WebP image." } } });

    const tooBig = await postWithPhoto(asking(), { bytes: pngBytes(5 * 1024 * 1024 + 1), name: "big.png", type: "image/png" });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.errors.form).toBe("Your photo is larger than 5 MB. Please choose a smaller one.");

    const indonesian = await postWithPhoto(asking(), { bytes: HTML_PAGE, name: "foto.png", type: "image/png" }, "id");
    expect(indonesian.status).toBe(415);
    expect(indonesian.body.errors.form).toBe("Tambahkan foto Anda sebagai gambar JPEG, PNG, atau WebP.");

    expect(returnMutations()).toHaveLength(0);
    expect(await prisma.returnRequest.count()).toBe(0);
    expect(await prisma.returnPhoto.count()).toBe(0);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
