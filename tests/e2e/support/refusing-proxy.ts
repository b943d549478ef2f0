// An HTTP proxy that refuses everything and remembers what was asked. The browser under test is pointed at
// it, so any request to a host other than the app's own (which bypasses the proxy) lands here, refused.
// GET /__log on the proxy itself returns what it refused, for the test workers to read.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RefusedRequest {
  method: string;
  target: string;
}

export function startRefusingProxy(): Promise<{ port: number; close: () => Promise<void> }> {
  const refused: RefusedRequest[] = [];
  const server: Server = createServer((req, res) => {
    if (req.url === '/__log') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(refused));
      return;
    }
    refused.push({ method: req.method ?? '', target: req.url ?? '' });
    res.writeHead(403);
    res.end();
  });
  server.on('connect', (req, socket) => {
    refused.push({ method: 'CONNECT', target: req.url ?? '' });
    // The browser may reset the tunnel socket first: a raw socket without a listener would crash the test run.
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ port: (server.address() as AddressInfo).port, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

export async function readRefused(port: number): Promise<RefusedRequest[]> {
  const response = await fetch(`http://127.0.0.1:${port}/__log`);
  return (await response.json()) as RefusedRequest[];
}

/** Chromium's own background calls (updates, accounts) are the browser's, not the app's. */
export function isBrowserHousekeeping(target: string): boolean {
  return /(^|\.)(googleapis\.com|google\.com|gvt1\.com|gstatic\.com|googleusercontent\.com)(:\d+)?(\/|$)/.test(target.replace(/^https?:\/\//, ''));
}
