import { useEffect, useState, type ReactNode } from "react";

/**
 * Renders `children` only in the browser, after hydration; `fallback` (same size) on the server.
 * Charts measure their container and use browser APIs, so they are drawn client-side.
 */
export function ClientOnly({ children, fallback = null }: { children: () => ReactNode; fallback?: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return <>{mounted ? children() : fallback}</>;
}
