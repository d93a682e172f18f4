import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createGalleyApp, type GalleyApp, type GalleyAppOptions } from "../app.ts";

/** Options for `startGalleyServer`: the app's options plus where to listen. */
export interface GalleyServerOptions extends Omit<GalleyAppOptions, "upgradeWebSocket"> {
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  /** Interface to bind; default all. */
  hostname?: string;
}

/** A running Galley HTTP + websocket server. */
export interface RunningGalleyServer {
  galley: GalleyApp;
  server: Server;
  /** The port actually bound. */
  port: number;
  /** `http://localhost:PORT` */
  url: string;
  /**
   * Graceful stop: stops accepting connections, stores every update received, closes the
   * websockets with 1001, compacts, and closes the HTTP server. Storage stays open.
   */
  close(): Promise<void>;
}

/** Starts Galley on Node's HTTP server with websocket support; resolves once listening. */
export async function startGalleyServer(options: GalleyServerOptions): Promise<RunningGalleyServer> {
  const { port, hostname, ...appOptions } = options;
  const galley = createGalleyApp(appOptions);
  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve({ fetch: galley.app.fetch, port, ...(hostname ? { hostname } : {}) }, () =>
      resolve(created as Server),
    ) as Server;
    created.once("error", reject);
  });
  galley.injectWebSocket?.(server);
  const bound = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  return {
    galley,
    server,
    port: bound,
    url: `http://localhost:${bound}`,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await galley.shutdown();
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}
