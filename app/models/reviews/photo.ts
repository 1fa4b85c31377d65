/**
 * The one optional photo a buyer may add to a review: what we accept and how we tell. The type comes
 * from the bytes (the file's magic number), never from the name or the type the browser declares, so
 * an HTML or SVG page labelled image/png is refused and a PNG named photo.jpg is stored as a PNG.
 * Pure: the sniffing itself (the `file-type` package) is handed in as `detected`.
 */

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_CONTENT_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type PhotoContentType = (typeof PHOTO_CONTENT_TYPES)[number];

/** Room for the form's text fields and the multipart framing around the photo. */
export const REVIEW_FORM_MAX_BYTES = PHOTO_MAX_BYTES + 64 * 1024;

export type PhotoCheck =
  | { ok: true; contentType: PhotoContentType; byteSize: number }
  | { ok: false; status: 413 | 415 | 422; message: string };

export const PHOTO_TOO_LARGE_MESSAGE = "Your photo is larger than 5 MB. Please choose a smaller one.";
export const PHOTO_WRONG_TYPE_MESSAGE = "Please add your photo as a JPEG, PNG or WebP image.";
export const PHOTO_EMPTY_MESSAGE = "The photo you chose is empty. Please choose it again.";
export const PHOTO_UNREADABLE_MESSAGE = "We could not read this photo. Please choose another one.";

const isAccepted = (mime: string | undefined): mime is PhotoContentType => (PHOTO_CONTENT_TYPES as readonly (string | undefined)[]).includes(mime);

/**
 * Judges an uploaded photo by its size and by the type sniffed from its bytes (`detected`, the MIME
 * type `fileTypeFromBuffer` found, or undefined when it recognised nothing).
 */
export function checkReviewPhoto(byteSize: number, detected: string | undefined): PhotoCheck {
  if (byteSize === 0) return { ok: false, status: 422, message: PHOTO_EMPTY_MESSAGE };
  if (byteSize > PHOTO_MAX_BYTES) return { ok: false, status: 413, message: PHOTO_TOO_LARGE_MESSAGE };
  if (!isAccepted(detected)) return { ok: false, status: 415, message: PHOTO_WRONG_TYPE_MESSAGE };
  return { ok: true, contentType: detected, byteSize };
}

/** Whether a stored content type may be served as is (anything else is answered as a download). */
export function isServablePhotoType(contentType: string): contentType is PhotoContentType {
  return isAccepted(contentType);
}
