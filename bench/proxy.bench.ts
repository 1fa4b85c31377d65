/**
 * App-proxy throughput: requests per second and p99 latency of the storefront endpoints shoppers hit
 * hardest (the review list and the order-status look-up), measured with autocannon against the built
 * app on loopback, side by side with a bare route (/healthz) on the same server. Budget: each endpoint
 * keeps >= 0.7 of the bare route's throughput.
 */
import autocannon from "autocannon";
import { signAppProxyUrl } from "../tests/support/signing";
import { startDemoProcess } from "./support/demo";

const REQUESTS = Number(process.env.BENCH_PROXY_REQUESTS ?? 2_000);
const CONNECTIONS = Number(process.env.BENCH_PROXY_CONNECTIONS ?? 100);
const BUDGET = 0.7;

// The app runs in its own process: autocannon must not share its event loop.
const demo = await startDemoProcess("proxy");
const secret = process.env.SHOPIFY_API_SECRET!;
const signed = (path: string) => signAppProxyUrl({ url: `${demo.appUrl}/proxy${path}`, shop: demo.shopDomain, secret });

interface Figure {
  name: string;
  rps: number;
  p99: number;
  non2xx: number;
}

async function measure(name: string, options: Omit<autocannon.Options, "url"> & { url: string }): Promise<Figure> {
  const result = await autocannon({ connections: CONNECTIONS, amount: REQUESTS, ...options });
  // Completed requests over the wall time of the run (autocannon's per-second average is coarse for short runs).
  return { name, rps: result.requests.total / result.duration, p99: result.latency.p99, non2xx: result.non2xx };
}

const { orders, products } = demo;
let lookup = 0;
let listed = 0;

// Warm-up so the first measurement does not pay for JIT and connection set-up.
await measure("warm-up", { url: `${demo.appUrl}/healthz`, amount: 300 });

const bare = await measure("bare route (/healthz)", { url: `${demo.appUrl}/healthz` });
const reviewList = await measure("review list (GET /apps/aftercare/reviews)", {
  url: signed("/reviews"),
  requests: [
    {
      setupRequest: (request) => {
        const product = products[listed++ % products.length];
        const url = new URL(signed(`/reviews?product_id=${product.id.split("/").pop()}&page=1`));
        return { ...request, path: `${url.pathname}${url.search}` };
      },
    },
  ],
});
const orderStatus = await measure("order status (POST /apps/aftercare/order-status)", {
  url: signed("/order-status"),
  method: "POST",
  requests: [
    {
      setupRequest: (request) => {
        // Every shopper from their own address, each order looked up a few times: the real rate limits apply.
        const n = lookup++;
        const order = orders[n % orders.length];
        return {
          ...request,
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          },
          body: JSON.stringify({ orderNumber: order.name, email: order.email }),
        };
      },
    },
  ],
});
const bareAgain = await measure("bare route again", { url: `${demo.appUrl}/healthz` });

const baseline = (bare.rps + bareAgain.rps) / 2;
console.log(`${REQUESTS} requests per endpoint, ${CONNECTIONS} connections, loopback`);
for (const figure of [bare, reviewList, orderStatus, bareAgain]) {
  const ratio = figure.rps / baseline;
  const verdict = figure === bare || figure === bareAgain ? "" : ratio >= BUDGET ? " (budget >= 0.7: met)" : " (budget >= 0.7: MISSED)";
  console.log(
    `${figure.name}: ${figure.rps.toFixed(0)} req/s, p99 ${figure.p99} ms, non-2xx ${figure.non2xx}, ratio to bare ${ratio.toFixed(2)}${verdict}`,
  );
}
await demo.stop();
process.exit(0);
