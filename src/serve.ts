/**
 * A static server for the built site (dist-site) with clean URLs, as Observable Framework's links need them
 * (「./progress」 is progress.html, 「./tasks/」 is tasks/index.html): `luoshi serve` for users who host the site
 * themselves on a closed network, and the browser tests. Node's http module only; nothing leaves the machine.
 */
import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const MIME_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.file",
  ".parquet": "application/vnd.apache.parquet",
  ".csv": "text/csv; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".zip": "application/zip",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".duckdb": "application/octet-stream",
  ".db": "application/octet-stream"
};

const isFile = (file: string) => existsSync(file) && statSync(file).isFile();

/** Maps a URL path to a file of the built site, as a static host with clean URLs does. */
export function resolveSiteFile(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const file = path.resolve(root, "." + path.posix.normalize(`/${decoded}`));
  if (file !== root && !file.startsWith(root + path.sep)) return undefined; // outside the site
  if (decoded.endsWith("/")) return isFile(path.join(file, "index.html")) ? path.join(file, "index.html") : undefined;
  if (isFile(file)) return file;
  if (isFile(`${file}.html`)) return `${file}.html`; // /tasks → tasks.html
  if (isFile(path.join(file, "index.html"))) return path.join(file, "index.html");
  return undefined;
}

export interface StaticServer {
  /** Base URL, such as http://127.0.0.1:41234/ */
  url: string;
  /** Paths requested so far, with their status. */
  requests: { path: string; status: number }[];
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 (or `host`) at `port` (default: a random free one). */
export async function serveStatic(dir: string, options: { port?: number; host?: string } = {}): Promise<StaticServer> {
  const root = path.resolve(dir);
  const requests: StaticServer["requests"] = [];
  const server: Server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://127.0.0.1");
    const file = request.method === "GET" || request.method === "HEAD" ? resolveSiteFile(root, pathname) : undefined;
    try {
      if (file) {
        const body = await readFile(file);
        response.writeHead(200, {
          "Content-Type": MIME_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
          "Content-Length": body.length,
          "Cache-Control": "no-store"
        });
        response.end(request.method === "HEAD" ? undefined : body);
        requests.push({ path: pathname, status: 200 });
      } else {
        const notFound = path.join(root, "404.html");
        const body = isFile(notFound) ? await readFile(notFound) : Buffer.from("Not found");
        response.writeHead(404, { "Content-Type": isFile(notFound) ? MIME_TYPES[".html"] : MIME_TYPES[".txt"] });
        response.end(request.method === "HEAD" ? undefined : body);
        requests.push({ path: pathname, status: 404 });
      }
    } catch (error) {
      response.writeHead(500, { "Content-Type": MIME_TYPES[".txt"] });
      response.end(String(error));
      requests.push({ path: pathname, status: 500 });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1"}:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}

