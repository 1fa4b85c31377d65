/**
 * A return request with a photo, as the storefront's form and the customer account's modal send it:
 * multipart/form-data with the request's fields as one JSON object in `json` and the optional file in
 * `photo`, checked by its bytes as review photos are (JPEG, PNG or WebP, up to 5 MB).
 */
import { inspectReviewPhoto, readReviewForm, type InspectedPhoto } from "../reviews/photo.server";

export type ReturnPhotoForStore = Extract<InspectedPhoto, { ok: true }>;

export type ReturnRequestForm =
  | { ok: true; fields: Record<string, unknown>; photo: ReturnPhotoForStore | null }
  | { ok: false; status: number; message: string; photoRefused: boolean };

export function isMultipart(request: Request): boolean {
  return request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() === "multipart/form-data";
}

/** Reads a multipart return request: its JSON fields and its photo, if any, once checked. */
export async function readReturnRequestForm(request: Request): Promise<ReturnRequestForm> {
  const form = await readReviewForm(request);
  if (!form.ok) return { ...form, photoRefused: true };
  let fields: unknown;
  try {
    fields = JSON.parse(form.fields.json ?? "");
  } catch {
    fields = null;
  }
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) {
    return { ok: false, status: 400, message: "Send the fields as one JSON object in `json`.", photoRefused: false };
  }
  const photo = form.photo ? await inspectReviewPhoto(form.photo) : null;
  if (photo && !photo.ok) return { ...photo, photoRefused: true };
  return { ok: true, fields: fields as Record<string, unknown>, photo };
}
