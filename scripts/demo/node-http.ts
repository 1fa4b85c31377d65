/** Bridges node:http and the Fetch API so the demo can serve Remix's fetch handler and static files. */
import { createReadStream, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { Readable } from "node:stream";

export function toFetchRequest(req: IncomingMessage, origin: string): Request {
  const url = new URL(req.url ?? "/", origin);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(key, v));
    else if (value !== undefined) headers.set(key, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    // Required by Node's fetch for streamed bodies.
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}

export async function sendFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    if (key === "set-cookie") return;
    headers[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  res.writeHead(response.status, response.statusText, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    res.write(value);
  }
  res.end();
}

const contentTypes: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json",
};

/** Serves a file below `root` if the URL path names one; answers false otherwise. */
export function serveStatic(root: string, urlPath: string, res: ServerResponse, cacheSeconds = 0): boolean {
  const decoded = decodeURIComponent(urlPath.split("?")[0] ?? "/");
  const file = path.join(root, path.normalize(decoded));
  if (!file.startsWith(root + path.sep)) return false;
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) return false;
    size = stats.size;
  } catch {
    return false;
  }
  res.writeHead(200, {
    "Content-Type": contentTypes[path.extname(file)] ?? "application/octet-stream",
    "Content-Length": size,
    "Cache-Control": cacheSeconds > 0 ? `public, max-age=${cacheSeconds}, immutable` : "no-cache",
  });
  createReadStream(file).pipe(res);
  return true;
}
