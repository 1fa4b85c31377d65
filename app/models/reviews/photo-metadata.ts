/**
 * Removes what a photo says about where and how it was taken before we keep it: EXIF (which often holds
 * GPS coordinates), XMP and comments in JPEG files, and the text and EXIF chunks of PNG files. The
 * picture itself is copied byte for byte. Pure: no I/O.
 *
 * WebP files are kept as they are (their EXIF sits behind flags in a header that would need rewriting).
 */

/** JPEG segments worth keeping besides the image data: JFIF (APP0), the ICC colour profile (APP2), Adobe (APP14). */
const KEPT_APP_MARKERS = new Set([0xe0, 0xe2, 0xee]);
const COMMENT = 0xfe;
const START_OF_SCAN = 0xda;
const END_OF_IMAGE = 0xd9;

/** The JPEG without EXIF, XMP and comments, or null when its segments cannot be followed. */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let offset = 2;
  while (offset + 2 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1];
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === END_OF_IMAGE) {
      kept.push(bytes.subarray(offset));
      return Buffer.concat(kept);
    }
    if (offset + 4 > bytes.length) return null;
    const length = (bytes[offset + 2] << 8) | bytes[offset + 3];
    if (length < 2 || offset + 2 + length > bytes.length) return null;
    const segment = bytes.subarray(offset, offset + 2 + length);
    if (marker === START_OF_SCAN) {
      // From here on it is the picture (and any later markers belong to it): keep everything.
      kept.push(bytes.subarray(offset));
      return Buffer.concat(kept);
    }
    const isMetadata = marker === COMMENT || (marker >= 0xe0 && marker <= 0xef && !KEPT_APP_MARKERS.has(marker));
    if (!isMetadata) kept.push(segment);
    offset += 2 + length;
  }
  return null;
}

const PNG_METADATA_CHUNKS = new Set(["eXIf", "tEXt", "iTXt", "zTXt", "tIME"]);

/** The PNG without its EXIF, text and time chunks, or null when its chunks cannot be followed. */
export function stripPngMetadata(bytes: Uint8Array): Uint8Array | null {
  const SIGNATURE_LENGTH = 8;
  if (bytes.length < SIGNATURE_LENGTH) return null;
  const kept: Uint8Array[] = [bytes.subarray(0, SIGNATURE_LENGTH)];
  let offset = SIGNATURE_LENGTH;
  while (offset + 12 <= bytes.length) {
    const length = ((bytes[offset] << 24) >>> 0) + (bytes[offset + 1] << 16) + (bytes[offset + 2] << 8) + bytes[offset + 3];
    const end = offset + 12 + length;
    if (end > bytes.length) return null;
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (!PNG_METADATA_CHUNKS.has(type)) kept.push(bytes.subarray(offset, end));
    offset = end;
    if (type === "IEND") return Buffer.concat(kept);
  }
  return null;
}

/** The photo as we keep it: metadata removed where the format allows, or null when the file is broken. */
export function stripPhotoMetadata(bytes: Uint8Array, contentType: "image/jpeg" | "image/png" | "image/webp"): Uint8Array | null {
  if (contentType === "image/jpeg") return stripJpegMetadata(bytes);
  if (contentType === "image/png") return stripPngMetadata(bytes);
  return bytes;
}
