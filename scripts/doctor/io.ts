import { lookup } from "node:dns/promises";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { connect } from "node:tls";

/**
 * Everything the checks do to the outside world besides `fetch` (which msw
 * intercepts in the unit tests), so a test can stand in for DNS, TLS, local
 * ports and the disk.
 */
export interface DoctorIo {
  /** Addresses for a host name. */
  resolve(hostname: string): Promise<string[]>;
  /** Completes a TLS handshake and describes the certificate. */
  tlsHandshake(hostname: string, port: number): Promise<TlsFacts>;
  /** Whether something already listens on this loopback port. */
  portInUse(port: number): Promise<boolean>;
  /** A Chromium the e2e tests can launch, if any. */
  findChromium(): Promise<string | undefined>;
  now(): number;
}

export interface TlsFacts {
  protocol: string | null;
  /** Certificate expiry, as the certificate states it. */
  validTo: string;
  issuer: string | undefined;
}

const TIMEOUT_MS = 8_000;

export const nodeIo: DoctorIo = {
  async resolve(hostname) {
    const answers = await lookup(hostname, { all: true });
    return answers.map((answer) => answer.address);
  },

  tlsHandshake(hostname, port) {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: hostname, port, servername: hostname });
      socket.setTimeout(TIMEOUT_MS, () =>
        socket.destroy(
          new Error(`no TLS handshake within ${TIMEOUT_MS / 1000} s`),
        ),
      );
      socket.once("secureConnect", () => {
        const certificate = socket.getPeerCertificate();
        resolve({
          protocol: socket.getProtocol(),
          validTo: certificate.valid_to,
          issuer:
            [certificate.issuer?.O ?? certificate.issuer?.CN]
              .flat()
              .join(", ") || undefined,
        });
        socket.end();
      });
      socket.once("error", reject);
    });
  },

  portInUse(port) {
    return new Promise((resolve, reject) => {
      const server = createServer();
      server.once("error", (error: NodeJS.ErrnoException) =>
        error.code === "EADDRINUSE" ? resolve(true) : reject(error),
      );
      server.listen(port, "127.0.0.1", () =>
        server.close(() => resolve(false)),
      );
    });
  },

  async findChromium() {
    // The same order as tests/e2e/support/chromium.ts: CHROMIUM_PATH, then
    // Playwright's own download, then Debian's package.
    const configured = process.env.CHROMIUM_PATH;
    if (configured) return existsSync(configured) ? configured : undefined;
    try {
      const { chromium } = await import("@playwright/test");
      if (existsSync(chromium.executablePath()))
        return chromium.executablePath();
    } catch {
      // Playwright missing: fall through to a system Chromium.
    }
    return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) =>
      existsSync(path),
    );
  },

  now: () => Date.now(),
};
