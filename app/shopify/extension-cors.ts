/**
 * CORS for answers to UI extensions (they call the app from Shopify's extension sandbox, another
 * origin). `authenticate.public.checkout` adds these through its `cors()` to the responses the app
 * builds, but the 401 it throws for a bad session token has none, so the browser would hide the status
 * from the extension: this adds the same headers to any response.
 */
export function withExtensionCors(response: Response, request: Request): Response {
  if (!request.headers.get("Origin")) return response;
  const headers = new Headers(response.headers);
  headers.set("Access-Control-Allow-Origin", "*");
  headers.set("Access-Control-Allow-Headers", "Authorization, Content-Type");
  headers.set("Access-Control-Expose-Headers", "X-Shopify-API-Request-Failure-Reauthorize-Url, Retry-After");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
