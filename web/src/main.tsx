import { render } from "preact";
import { lazy, Suspense } from "preact/compat";
import "./styles.css";
import { Layout, Loading } from "./components/layout.js";
import { NotFoundPage } from "./pages/not-found.js";
import { SearchPage } from "./pages/search.js";
import { DuplicatesPage } from "./pages/duplicates.js";
import { MandatesPage } from "./pages/mandates.js";
import { SeriesPage } from "./pages/series.js";
import { ComparePage } from "./pages/compare.js";
import { ResolutionPage } from "./pages/resolution.js";
import { type Location, Router } from "./router.js";

/**
 * The pages and their paths (the server answers each with this shell: src/server/web.ts). The
 * pages ship in the first script, but those that draw charts (dashboard, entity) and the
 * citation graph load on first use, so the charting and graph libraries cost only the pages
 * that draw.
 */

const EntityPage = lazy(() => import("./pages/entity.js").then((m) => ({ default: m.EntityPage })));
const DashboardPage = lazy(() => import("./pages/dashboard.js").then((m) => ({ default: m.DashboardPage })));

function segment(path: string, prefix: string): string | null {
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length);
  if (!rest || rest.includes("/")) return null;
  try {
    return decodeURIComponent(rest);
  } catch {
    return null;
  }
}

function page({ path }: Location) {
  if (path === "/" || path === "/search") return <SearchPage />;
  const symbol = segment(path, "/resolutions/");
  if (symbol !== null) return <ResolutionPage key={symbol} symbol={symbol} />;
  if (path === "/compare") return <ComparePage />;
  const seriesOf = segment(path, "/series/");
  if (seriesOf !== null) return <SeriesPage key={seriesOf} symbol={seriesOf} />;
  if (path === "/mandates") return <MandatesPage />;
  const entity = segment(path, "/entities/");
  if (entity !== null) return <EntityPage key={entity} name={entity} />;
  if (path === "/dashboard") return <DashboardPage />;
  if (path === "/duplicates") return <DuplicatesPage />;
  return <NotFoundPage />;
}

render(
  <Router>
    {(location) => (
      <Layout>
        <Suspense fallback={<Loading what="the page" />}>{page(location)}</Suspense>
      </Layout>
    )}
  </Router>,
  document.getElementById("app")!,
);
