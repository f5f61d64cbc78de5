import net from "node:net";

/** Asks the kernel for a free loopback port. Another process could take it before we bind; tests live with that. */
export async function pickFreePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("Could not read the picked port");
  return address.port;
}

/** A port is free when we can bind it ourselves; connecting is not enough (a dying server may refuse but hold it). */
export async function isPortFree(port: number): Promise<boolean> {
  const server = net.createServer();
  return new Promise<boolean>((resolve) => {
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function waitForPortFree(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await isPortFree(port))) {
    if (Date.now() > deadline) throw new Error(`Port ${port} still in use ${timeoutMs} ms after the server stopped`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
