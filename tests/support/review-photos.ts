/** Small image files (real headers, so type sniffing recognises them) and impostors for photo tests. */
import { deflateSync } from "node:zlib";

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid 1×1 PNG, optionally padded with a private chunk to reach `minBytes`. */
export function pngBytes(minBytes = 0): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const parts = [
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(Buffer.from([0, 0xc8, 0x6e, 0x3c, 0xff]))),
  ];
  const size = parts.reduce((sum, part) => sum + part.length, 0) + 12;
  if (minBytes > size + 12) parts.push(pngChunk("prVt", Buffer.alloc(minBytes - size - 12)));
  parts.push(pngChunk("IEND", Buffer.alloc(0)));
  return Buffer.concat(parts);
}

/** The start of a baseline JPEG (SOI + JFIF APP0), enough for any sniffer, plus the end marker. */
export function jpegBytes(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from("JFIF\0", "latin1"),
    Buffer.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]),
  ]);
}

export function webpBytes(): Buffer {
  const vp8 = Buffer.from([0x2f, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
  const chunk = Buffer.concat([Buffer.from("VP8L", "ascii"), Buffer.from([vp8.length, 0, 0, 0]), vp8]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(4 + chunk.length);
  return Buffer.concat([Buffer.from("RIFF", "ascii"), size, Buffer.from("WEBP", "ascii"), chunk]);
}

export const HTML_PAGE = Buffer.from(`<!doctype html><html><body><script>alert("photo")</script></body></html>`);
export const SVG_IMAGE = Buffer.from(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>`);
export const GIF_IMAGE = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1");

/** A JPEG carrying an EXIF segment (APP1) with a GPS note and a comment, as phones write them. */
export function jpegWithExif(): Buffer {
  const exif = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), Buffer.from("GPS -6.2088,106.8456", "latin1")]);
  const comment = Buffer.from("Taken at Jalan Melati 5", "latin1");
  const segment = (marker: number, data: Buffer) => Buffer.concat([Buffer.from([0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff]), data]);
  const jfif = jpegBytes();
  // SOI + APP0 (JFIF) from jpegBytes(), then the metadata, a scan, and the end of the image.
  const app0End = 2 + 2 + ((jfif[4] << 8) | jfif[5]);
  return Buffer.concat([
    jfif.subarray(0, app0End),
    segment(0xe1, exif),
    segment(0xfe, comment),
    segment(0xda, Buffer.from([0x01, 0x01, 0x00, 0x00, 0x3f, 0x00])),
    Buffer.from([0x12, 0x34, 0x56]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A PNG with a tEXt chunk naming where it was taken. */
export function pngWithText(): Buffer {
  const plain = pngBytes();
  const iend = plain.subarray(plain.length - 12);
  const data = Buffer.from("Location\0Jalan Melati 5", "latin1");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const text = Buffer.concat([length, Buffer.from("tEXt", "ascii"), data, Buffer.alloc(4)]);
  return Buffer.concat([plain.subarray(0, plain.length - 12), text, iend]);
}
