import { fileTypeFromBuffer } from "file-type";
import { describe, expect, it } from "vitest";
import { stripJpegMetadata, stripPhotoMetadata, stripPngMetadata } from "../../../app/models/reviews/photo-metadata";
import { jpegBytes, jpegWithExif, pngBytes, pngWithText, webpBytes } from "../../support/review-photos";

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");

describe("photo metadata removal", () => {
  it("drops a JPEG's EXIF (with its GPS note) and comment, and keeps JFIF and the picture", async () => {
    const original = jpegWithExif();
    expect(latin1(original)).toContain("GPS -6.2088");
    const stripped = stripJpegMetadata(original);
    expect(stripped).not.toBeNull();
    const text = latin1(stripped!);
    expect(text).not.toContain("GPS");
    expect(text).not.toContain("Jalan Melati");
    expect(text).toContain("JFIF");
    expect(Buffer.from(stripped!).subarray(-5)).toEqual(Buffer.from([0x12, 0x34, 0x56, 0xff, 0xd9]));
    expect((await fileTypeFromBuffer(stripped!))?.mime).toBe("image/jpeg");
  });

  it("leaves a JPEG without metadata as it was", () => {
    expect(Buffer.from(stripJpegMetadata(jpegBytes())!)).toEqual(jpegBytes());
  });

  it("drops a PNG's text chunk and keeps every image chunk", () => {
    const stripped = stripPngMetadata(pngWithText());
    expect(latin1(stripped!)).not.toContain("Jalan Melati");
    expect(Buffer.from(stripped!)).toEqual(pngBytes());
  });

  it("refuses files whose structure cannot be followed", () => {
    expect(stripJpegMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]))).toBeNull();
    expect(stripPngMetadata(pngBytes().subarray(0, 30))).toBeNull();
  });

  it("keeps WebP files as they are", () => {
    expect(stripPhotoMetadata(webpBytes(), "image/webp")).toEqual(webpBytes());
  });
});
