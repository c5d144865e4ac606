import { useUsable } from "../hooks.js";

export function ResolutionPage({ symbol }: { symbol: string }) {
  useUsable(true, symbol);
  return <h1 tabIndex={-1}>{symbol}</h1>;
}
