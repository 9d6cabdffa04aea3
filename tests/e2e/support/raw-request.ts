import http from "node:http";

// A request with its socket bound to a chosen local address: the production server counts the
// socket's address for every per-address limit (docs/decisions/024-client-address-and-server.md),
// so a test plays several clients by binding to several loopback addresses (127.x.y.z). It
// sends the site's Origin, as a page would (docs/decisions/027-same-origin-and-members-only-stream.md).

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string };

export function rawRequest(
  url: string,
  options: { method?: string; localAddress?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: options.method ?? "GET",
        localAddress: options.localAddress,
        agent: false,
        headers: { origin: new URL(url).origin, ...(options.body ? { "content-length": String(Buffer.byteLength(options.body)) } : {}), ...options.headers },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}
