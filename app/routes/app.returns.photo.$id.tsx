import type { LoaderFunctionArgs } from "@remix-run/node";
import { isServablePhotoType } from "../models/reviews/photo";
import { getReturnPhoto } from "../models/returns/return-photo.server";
import { authenticate } from "../shopify.server";

/**
 * GET /app/returns/photo/:id (admin, session token): the photo a shopper attached to a return, for
 * the merchant's return page only. Another shop's photo and unknown ids are 404. The return page
 * fetches it with the admin's session (App Bridge adds the token) and shows it as a thumbnail.
 */
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const id = params.id ?? "";
  const photo = id && id.length <= 64 ? await getReturnPhoto(session.shop, id) : null;
  if (!photo || !isServablePhotoType(photo.contentType)) {
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
  }
  return new Response(new Uint8Array(photo.bytes), {
    headers: {
      "Content-Type": photo.contentType,
      "Content-Length": String(photo.byteSize),
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Content-Disposition": "inline",
    },
  });
};
