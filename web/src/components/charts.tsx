import * as Plot from "@observablehq/plot";
import { hierarchy, treemap, treemapSquarify } from "d3";
import { useEffect, useRef } from "preact/hooks";

/**
 * Charts drawn by Observable Plot (bars) and d3's treemap layout. Each is a figure with a
 * caption; its numbers are also given as a table for screen readers and keyboard users.
 */

export interface Bar {
  label: string;
  value: number;
}

/** Charts are drawn at the width they are given, so their text keeps its size on a phone. */
function PlotFigure({ make, caption, table }: { make: (width: number) => SVGSVGElement | HTMLElement; caption: string; table: Bar[] }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = make(Math.max(300, Math.min(720, host.current?.clientWidth ?? 640)));
    host.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [make]);
  return (
    <figure class="chart">
      <figcaption>{caption}</figcaption>
      <div ref={host} class="chart-host" />
      <details>
        <summary>Data</summary>
        <table>
          <tbody>
            {table.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td class="num">{r.value.toLocaleString("en")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** Vertical bars over sessions. */
export function SessionBars({ data, caption, color = "#2a6fb0", label }: { data: Bar[]; caption: string; color?: string; label: string }) {
  const make = (width: number) =>
    Plot.plot({
      width,
      height: 240,
      marginLeft: 50,
      ariaLabel: caption,
      x: { label: "Session", tickFormat: (d: string) => (data.length <= 16 || Number(d) % (width < 500 ? 10 : 5) === 0 ? d : ""), type: "band" },
      y: { label, grid: true },
      marks: [Plot.barY(data, { x: "label", y: "value", fill: color, title: (d: Bar) => `${d.label}: ${d.value}` })],
    });
  return <PlotFigure make={make} caption={caption} table={data} />;
}

/** Horizontal bars, largest first. */
export function RankBars({ data, caption, label }: { data: Bar[]; caption: string; label: string }) {
  const make = (width: number) =>
    Plot.plot({
      width,
      height: 28 * data.length + 40,
      marginLeft: Math.min(300, Math.round(width * 0.45)),
      ariaLabel: caption,
      x: { label, grid: true },
      y: { label: null, domain: data.map((d) => d.label), tickFormat: (d: string) => {
          const room = Math.floor(Math.min(300, width * 0.45) / 6.5);
          return d.length > room ? `${d.slice(0, room - 1)}…` : d;
        } },
      marks: [Plot.barX(data, { y: "label", x: "value", fill: "#005a8e", title: (d: Bar) => `${d.label}: ${d.value}` })],
    });
  return <PlotFigure make={make} caption={caption} table={data} />;
}

export interface Leaf {
  group: string;
  name: string;
  value: number;
}

const PALETTE = ["#1f5f99", "#2e7d4f", "#8a4b08", "#6b3fa0", "#9b2226", "#3d5a80"];

/** Rectangles sized by value, grouped (organ) then named (committee). */
export function Treemap({ leaves, caption }: { leaves: Leaf[]; caption: string }) {
  const width = 960;
  const height = 420;
  const groups = [...new Set(leaves.map((l) => l.group))];
  type Node = { name: string; value?: number; group?: string; children?: Node[] };
  const root = hierarchy<Node>({ name: "all", children: groups.map((g) => ({ name: g, children: leaves.filter((l) => l.group === g).map((l) => ({ name: l.name, value: l.value, group: g })) })) })
    .sum((d) => d.value ?? 0)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const laid = treemap<Node>().size([width, height]).paddingInner(2).paddingTop(2).tile(treemapSquarify)(root);
  return (
    <figure class="chart">
      <figcaption>{caption}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={caption} class="treemap">
        {laid.leaves().map((n, i) => {
          const w = n.x1 - n.x0;
          const h = n.y1 - n.y0;
          const color = PALETTE[groups.indexOf(n.data.group ?? "") % PALETTE.length];
          return (
            <g key={i} transform={`translate(${n.x0},${n.y0})`}>
              <rect width={w} height={h} fill={color}>
                <title>{`${n.data.group} · ${n.data.name}: ${n.value}`}</title>
              </rect>
              {w > 70 && h > 30 ? (
                <text x={5} y={16} class="tm-label">
                  <tspan>{n.data.name.length > w / 7 ? `${n.data.name.slice(0, Math.floor(w / 7) - 1)}…` : n.data.name}</tspan>
                  <tspan x={5} dy={15}>
                    {n.value?.toLocaleString("en")}
                  </tspan>
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <ul class="legend">
        {groups.map((g, i) => (
          <li key={g}>
            <span class="swatch" style={{ background: PALETTE[i % PALETTE.length] }} /> {g}
          </li>
        ))}
      </ul>
      <details>
        <summary>Data</summary>
        <table>
          <tbody>
            {leaves.map((l) => (
              <tr key={`${l.group}-${l.name}`}>
                <th scope="row">
                  {l.group} · {l.name}
                </th>
                <td class="num">{l.value.toLocaleString("en")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
