/**
 * Combinatorial helpers of the alignment: an optimal one-to-one assignment (Hungarian method)
 * and the longest increasing subsequence that tells kept order from moves.
 */

/**
 * Maximum-weight one-to-one matching between rows and columns, over the pairs whose weight is
 * at least `threshold` (row-major `weights`, rows x columns). The graph of those pairs is cut
 * into connected components first: paragraphs of two versions mostly have one or two plausible
 * partners, so components are small and the cubic Hungarian step runs on a few nodes at a time.
 * A component too large for it (only seen in inputs that are no resolution) is matched
 * greedily, heaviest pair first. Returns the column matched to each row, or -1.
 */
/** Largest side of a component given to the Hungarian step: 300^3 steps stay within milliseconds. */
const MAX_HUNGARIAN_SIDE = 300;

export function maximumWeightMatching(weights: Float64Array, rows: number, columns: number, threshold: number): Int32Array {
  const match = new Int32Array(rows).fill(-1);
  const parent = Int32Array.from({ length: rows + columns }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  let edges = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      if (weights[r * columns + c]! < threshold) continue;
      edges++;
      parent[find(r)] = find(rows + c);
    }
  }
  if (edges === 0) return match;

  const members = new Map<number, { rows: number[]; columns: number[] }>();
  for (let x = 0; x < rows + columns; x++) {
    const root = find(x);
    let group = members.get(root);
    if (!group) members.set(root, (group = { rows: [], columns: [] }));
    if (x < rows) group.rows.push(x);
    else group.columns.push(x - rows);
  }
  for (const group of members.values()) {
    if (group.rows.length === 0 || group.columns.length === 0) continue;
    if (group.rows.length === 1 || group.columns.length === 1) {
      matchBest(group.rows, group.columns);
      continue;
    }
    if (Math.min(group.rows.length, group.columns.length) > MAX_HUNGARIAN_SIDE) {
      matchGreedily(group.rows, group.columns);
      continue;
    }
    // The Hungarian step wants no more rows than columns: transpose the component if needed.
    const transpose = group.rows.length > group.columns.length;
    const left = transpose ? group.columns : group.rows;
    const right = transpose ? group.rows : group.columns;
    const cost = new Float64Array(left.length * right.length);
    for (let i = 0; i < left.length; i++) {
      for (let j = 0; j < right.length; j++) {
        const w = transpose ? weights[right[j]! * columns + left[i]!]! : weights[left[i]! * columns + right[j]!]!;
        // Pairs below the threshold cost nothing, the same as leaving both sides unmatched.
        cost[i * right.length + j] = w >= threshold ? -w : 0;
      }
    }
    const assigned = hungarian(cost, left.length, right.length);
    for (let i = 0; i < left.length; i++) {
      const j = assigned[i]!;
      if (j < 0 || cost[i * right.length + j]! === 0) continue;
      const [r, c] = transpose ? [right[j]!, left[i]!] : [left[i]!, right[j]!];
      match[r] = c;
    }
  }
  return match;

  function matchBest(groupRows: number[], groupColumns: number[]): void {
    let best = -Infinity;
    let bestRow = -1;
    let bestColumn = -1;
    for (const r of groupRows) {
      for (const c of groupColumns) {
        const w = weights[r * columns + c]!;
        if (w >= threshold && w > best) [best, bestRow, bestColumn] = [w, r, c];
      }
    }
    if (bestRow >= 0) match[bestRow] = bestColumn;
  }

  function matchGreedily(groupRows: number[], groupColumns: number[]): void {
    const pairs: [number, number, number][] = [];
    for (const r of groupRows) {
      for (const c of groupColumns) {
        const w = weights[r * columns + c]!;
        if (w >= threshold) pairs.push([w, r, c]);
      }
    }
    pairs.sort((a, b) => b[0] - a[0]);
    const columnTaken = new Set<number>();
    for (const [, r, c] of pairs) {
      if (match[r]! >= 0 || columnTaken.has(c)) continue;
      match[r] = c;
      columnTaken.add(c);
    }
  }
}

/**
 * Minimum-cost assignment of every row to a distinct column (rows <= columns), by the
 * Hungarian method with potentials, O(rows^2 * columns). Returns the column of each row.
 */
export function hungarian(cost: Float64Array, rows: number, columns: number): Int32Array {
  // 1-based internally: index 0 is the virtual column the augmenting search starts from.
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(columns + 1);
  const rowOfColumn = new Int32Array(columns + 1);
  const way = new Int32Array(columns + 1);
  const minSlack = new Float64Array(columns + 1);
  const used = new Uint8Array(columns + 1);
  for (let row = 1; row <= rows; row++) {
    rowOfColumn[0] = row;
    let column = 0;
    minSlack.fill(Infinity);
    used.fill(0);
    do {
      used[column] = 1;
      const i = rowOfColumn[column]!;
      let delta = Infinity;
      let next = 0;
      for (let j = 1; j <= columns; j++) {
        if (used[j]) continue;
        const slack = cost[(i - 1) * columns + (j - 1)]! - u[i]! - v[j]!;
        if (slack < minSlack[j]!) {
          minSlack[j] = slack;
          way[j] = column;
        }
        if (minSlack[j]! < delta) {
          delta = minSlack[j]!;
          next = j;
        }
      }
      for (let j = 0; j <= columns; j++) {
        if (used[j]) {
          u[rowOfColumn[j]!] = u[rowOfColumn[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else {
          minSlack[j] = minSlack[j]! - delta;
        }
      }
      column = next;
    } while (rowOfColumn[column] !== 0);
    do {
      const previous = way[column]!;
      rowOfColumn[column] = rowOfColumn[previous]!;
      column = previous;
    } while (column !== 0);
  }
  const assignment = new Int32Array(rows).fill(-1);
  for (let j = 1; j <= columns; j++) if (rowOfColumn[j]! > 0) assignment[rowOfColumn[j]! - 1] = j - 1;
  return assignment;
}

/**
 * Which items of a sequence belong to one longest strictly increasing subsequence
 * (patience sorting, O(n log n)). Items outside it are the fewest that must move for the rest
 * to keep their order.
 */
export function longestIncreasingSubsequence(values: number[]): boolean[] {
  const tails: number[] = []; // index into values of the smallest tail of each length
  const previous = new Int32Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const kept = new Array<boolean>(values.length).fill(false);
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) kept[i] = true;
  return kept;
}

/**
 * Order-preserving maximum-weight matching (a weighted longest common subsequence) between a
 * run of rows and a run of columns, over pairs weighing at least `threshold`. Used between two
 * paragraphs already paired in order, where a weakly similar pair in the same slot is far more
 * likely a rewording than a coincidence. Returns [row, column] pairs in order.
 */
export function orderedMatching(
  weight: (row: number, column: number) => number,
  rowRun: number[],
  columnRun: number[],
  threshold: number,
): [number, number][] {
  const r = rowRun.length;
  const c = columnRun.length;
  if (r === 0 || c === 0) return [];
  const width = c + 1;
  const best = new Float64Array((r + 1) * width);
  for (let i = 1; i <= r; i++) {
    for (let j = 1; j <= c; j++) {
      const w = weight(rowRun[i - 1]!, columnRun[j - 1]!);
      const diagonal = w >= threshold ? best[(i - 1) * width + j - 1]! + w : -1;
      best[i * width + j] = Math.max(best[(i - 1) * width + j]!, best[i * width + j - 1]!, diagonal);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = r, j = c; i > 0 && j > 0; ) {
    const here = best[i * width + j]!;
    if (here === best[(i - 1) * width + j]!) i--;
    else if (here === best[i * width + j - 1]!) j--;
    else {
      pairs.push([rowRun[i - 1]!, columnRun[j - 1]!]);
      i--;
      j--;
    }
  }
  return pairs.reverse();
}
