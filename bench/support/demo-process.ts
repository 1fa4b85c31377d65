/**
 * The demo in its own process, so a load generator in the parent never shares the app's event loop.
 * Prints one line `BENCH_DEMO {json}` with the addresses and the seeded shop's orders and products.
 */
import { startBenchDemo } from "./demo";

const demo = await startBenchDemo(process.argv[2] ?? "process");
const { MIN_ANSWER_MS } = await import("../../app/models/returns/check.server");
const info = {
  appUrl: demo.appUrl,
  shopifyUrl: demo.shopifyUrl,
  storefrontUrl: demo.storefrontUrl,
  shopDomain: demo.shopDomain,
  orderStatusFloorMs: MIN_ANSWER_MS,
  orders: demo.fakeAdmin.seed.orders.filter((order) => order.email).map((order) => ({ name: order.name, email: order.email })),
  products: demo.fakeAdmin.seed.products.map((product) => ({ id: product.id, handle: product.handle })),
};
process.stdout.write(`BENCH_DEMO ${JSON.stringify(info)}\n`);
process.on("SIGTERM", () => {
  void demo.close().then(() => process.exit(0));
});
