import { fileTypeFromBuffer } from "file-type";
import { describe, expect, it } from "vitest";
import { checkReviewPhoto, isServablePhotoType, PHOTO_MAX_BYTES } from "../../../app/models/reviews/photo";
import { GIF_IMAGE, HTML_PAGE, jpegBytes, pngBytes, SVG_IMAGE, webpBytes } from "../../support/review-photos";

/** What the review form does with an upload: sniff the bytes, then judge. The declared type is never read. */
async function judge(bytes: Uint8Array) {
  return checkReviewPhoto(bytes.byteLength, (await fileTypeFromBuffer(bytes))?.mime);
}

describe("review photo checks", () => {
  it("accepts JPEG, PNG and WebP by their bytes", async () => {
    expect(await judge(jpegBytes())).toMatchObject({ ok: true, contentType: "image/jpeg" });
    expect(await judge(pngBytes())).toMatchObject({ ok: true, contentType: "image/png" });
    expect(await judge(webpBytes())).toMatchObject({ ok: true, contentType: "image/webp" });
  });

  it("stores a PNG named photo.jpg and sent as image/jpeg as what it is: a PNG", async () => {
    const upload = new File([new Uint8Array(pngBytes())], "photo.jpg", { type: "image/jpeg" });
    const result = await judge(new Uint8Array(await upload.arrayBuffer()));
    expect(result).toEqual({ ok: true, contentType: "image/png", byteSize: upload.size });
  });

  it("refuses an HTML page or an SVG labelled image/png, and other image kinds", async () => {
    for (const bytes of [HTML_PAGE, SVG_IMAGE, GIF_IMAGE]) {
      const upload = new File([new Uint8Array(bytes)], "photo.png", { type: "image/png" });
      expect(await judge(new Uint8Array(await upload.arrayBuffer()))).toEqual({ ok: false, status: 415, message: "Please add your photo as a JPEG, PNG or WebP image." });
    }
  });

  it("accepts exactly 5 MB and refuses one byte more", async () => {
    expect(await judge(pngBytes(PHOTO_MAX_BYTES))).toMatchObject({ ok: true, byteSize: PHOTO_MAX_BYTES });
    expect(pngBytes(PHOTO_MAX_BYTES)).toHaveLength(PHOTO_MAX_BYTES);
    expect(await judge(pngBytes(PHOTO_MAX_BYTES + 1))).toEqual({ ok: false, status: 413, message: "Your photo is larger than 5 MB. Please choose a smaller one." });
  });

  it("refuses an empty file", () => {
    expect(checkReviewPhoto(0, undefined)).toMatchObject({ ok: false, status: 422 });
  });

  it("serves only the three photo types", () => {
    expect(["image/jpeg", "image/png", "image/webp"].every(isServablePhotoType)).toBe(true);
    expect(isServablePhotoType("image/svg+xml")).toBe(false);
    expect(isServablePhotoType("text/html")).toBe(false);
  });
});
