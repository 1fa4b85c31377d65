import { authenticate } from "../shopify.server";

/**
 * `authenticate.webhook` for every webhook route: HMAC and shop checked by the library, then the body
 * parsed as JSON. A correctly signed body that is not JSON gets a 400 that says so, not a 500.
 */
export async function authenticateWebhook(request: Request) {
  try {
    return await authenticate.webhook(request);
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new Response("The webhook body is not valid JSON", { status: 400, headers: { "Content-Type": "text/plain" } });
    }
    throw error;
  }
}
