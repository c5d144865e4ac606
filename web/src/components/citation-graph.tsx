import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from "d3";
import { useMemo } from "preact/hooks";
import { resolutionPath } from "../api.js";
import { useApi } from "../hooks.js";
import { Failure, Loading } from "./layout.js";
import { shortSymbol } from "./format.js";

/**
 * A resolution's citation neighbourhood: what it cites and what cites it, laid out by d3's
 * force simulation (run to rest before drawing, so nothing moves under the reader). Held
 * documents are links; the same facts are listed under the drawing for keyboard and
 * screen-reader users.
 */

interface GraphAnswer {
  root: string;
  nodes: { symbol: string; title: string | null; session: number | null; inRegistry: boolean }[];
  edges: { from: string; to: string; ref: string; kind: string }[];
  truncated: boolean;
}

interface Node extends SimulationNodeDatum {
  symbol: string;
  title: string | null;
  held: boolean;
  role: "root" | "cites" | "cited-by" | "both";
}

const MAX_NODES = 60;
const WIDTH = 900;
const HEIGHT = 520;

export function CitationGraph({ symbol }: { symbol: string }) {
  const graph = useApi<GraphAnswer>(`/documents/${encodeURIComponent(symbol)}/citations`, { direction: "both", depth: 1 });
  const layout = useMemo(() => (graph.state === "done" ? lay(graph.data) : null), [graph]);
  if (graph.state === "loading") return <Loading what="the citation graph" />;
  if (graph.state === "error") return <Failure error={graph.error} what="the citation graph" />;
  const { nodes, links, hidden } = layout!;
  const cites = nodes.filter((n) => n.role === "cites" || n.role === "both");
  const citedBy = nodes.filter((n) => n.role === "cited-by" || n.role === "both");
  return (
    <div class="graph">
      <p class="muted small">
        {cites.length} cited, {citedBy.length} citing{hidden ? `; ${hidden} more not drawn` : ""}. Filled circles are held in the registry (links); hollow ones are not.
      </p>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={`Citation graph of ${symbol}`} class="graph-svg">
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="16" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#6b7280" />
          </marker>
        </defs>
        <g aria-hidden="true">
          {links.map((l, i) => (
            <line key={i} x1={(l.source as Node).x} y1={(l.source as Node).y} x2={(l.target as Node).x} y2={(l.target as Node).y} class="edge" marker-end="url(#arrow)" />
          ))}
        </g>
        {nodes.map((n) => {
          const shape = (
            <>
              <circle cx={n.x} cy={n.y} r={n.role === "root" ? 11 : 7} class={`node ${n.role} ${n.held ? "held" : "not-held"}`} />
              <text x={(n.x ?? 0) + 12} y={(n.y ?? 0) + 4} class="node-label">
                {shortSymbol(n.symbol)}
              </text>
            </>
          );
          return n.held && n.role !== "root" ? (
            <a key={n.symbol} href={resolutionPath(n.symbol)} aria-label={`${n.symbol}${n.title ? `: ${n.title}` : ""}`}>
              <title>{n.title ?? n.symbol}</title>
              {shape}
            </a>
          ) : (
            <g key={n.symbol} aria-hidden="true">
              {shape}
            </g>
          );
        })}
      </svg>
      <details>
        <summary>The graph as a list</summary>
        <h3>Cites</h3>
        <ul class="plain">
          {cites.map((n) => (
            <li key={n.symbol}>{n.held ? <a href={resolutionPath(n.symbol)}>{n.symbol}</a> : `${n.symbol} (not held)`}</li>
          ))}
        </ul>
        <h3>Cited by</h3>
        <ul class="plain">
          {citedBy.map((n) => (
            <li key={n.symbol}>
              <a href={resolutionPath(n.symbol)}>{n.symbol}</a>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

function lay(graph: GraphAnswer): { nodes: Node[]; links: SimulationLinkDatum<Node>[]; hidden: number } {
  const out = new Set(graph.edges.filter((e) => e.from === graph.root).map((e) => e.to));
  const into = new Set(graph.edges.filter((e) => e.to === graph.root).map((e) => e.from));
  const all = graph.nodes.map<Node>((n) => ({
    symbol: n.symbol,
    title: n.title,
    held: n.inRegistry,
    role: n.symbol === graph.root ? "root" : out.has(n.symbol) && into.has(n.symbol) ? "both" : into.has(n.symbol) ? "cited-by" : "cites",
  }));
  // Large neighbourhoods keep the root, then held documents, then the rest.
  const kept = all.sort((a, b) => Number(b.role === "root") - Number(a.role === "root") || Number(b.held) - Number(a.held)).slice(0, MAX_NODES);
  const index = new Map(kept.map((n) => [n.symbol, n]));
  const seen = new Set<string>();
  const links = graph.edges
    .filter((e) => index.has(e.from) && index.has(e.to) && e.from !== e.to && !seen.has(`${e.from}>${e.to}`) && seen.add(`${e.from}>${e.to}`))
    .map((e) => ({ source: index.get(e.from)!, target: index.get(e.to)! }));
  const root = index.get(graph.root);
  if (root) {
    root.fx = WIDTH / 2;
    root.fy = HEIGHT / 2;
  }
  const simulation = forceSimulation(kept)
    .force("link", forceLink(links).distance(110))
    .force("charge", forceManyBody().strength(-260))
    .force("collide", forceCollide(26))
    .force("x", forceX<Node>((n) => (n.role === "cited-by" ? WIDTH * 0.75 : n.role === "cites" ? WIDTH * 0.25 : WIDTH / 2)).strength(0.12))
    .force("y", forceY(HEIGHT / 2).strength(0.08))
    .force("center", forceCenter(WIDTH / 2, HEIGHT / 2))
    .stop();
  simulation.tick(300);
  for (const n of kept) {
    n.x = Math.max(16, Math.min(WIDTH - 90, n.x ?? 0));
    n.y = Math.max(16, Math.min(HEIGHT - 16, n.y ?? 0));
  }
  return { nodes: kept, links, hidden: all.length - kept.length };
}
