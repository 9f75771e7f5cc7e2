/**
 * The strongly connected components of a directed graph, in dependency-first order: if any node
 * of component c has an edge to a node of component d (c !== d), then d comes before c.
 */
export interface Components {
  /** Number of components. */
  readonly count: number;
  /** All nodes, grouped by component, components in dependency-first order. */
  readonly order: Int32Array;
  /** Component c holds `order[start[c] .. start[c + 1])`; length count + 1. */
  readonly start: Int32Array;
  /** The component of each node. */
  readonly componentOf: Int32Array;
}

/**
 * Finds the strongly connected components of the graph whose edges leave node v towards
 * `targets[pointers[v] .. pointers[v + 1])`, by Pearce's variant of Tarjan's algorithm ("A
 * space-efficient algorithm for finding strongly connected components", IPL 116(1), 2016) run on
 * an explicit stack: a recursive version overflows the call stack on a 200k-long supply chain.
 *
 * Pearce keeps one number per node (`rindex`) instead of Tarjan's index, lowlink and on-stack
 * flag, and pushes a node on the component stack only when it is not a root, which in a mostly
 * acyclic supply network is almost never: fewer random memory accesses per edge, the cost that
 * dominates planning. A finished component takes an id counting down from n - 1, above every
 * live rindex, so edges into finished components never lower a rindex and need no flag.
 *
 * A component closes only after every component reachable from it has closed, so the emission
 * order is already a topological order of the condensation with dependencies first.
 */
export function findStronglyConnectedComponents(
  nodeCount: number,
  pointers: Int32Array,
  targets: Int32Array,
): Components {
  const n = nodeCount;
  // 0 = unvisited; 1.. = visit index while live; after closing, the component's label (n - 1 down).
  const rindex = new Int32Array(n);
  const root = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const order = new Int32Array(n);
  const starts = new Int32Array(n + 1);
  let sp = 0;
  let csp = 0;
  let index = 1;
  let label = n - 1;
  let emitted = 0;
  let count = 0;

  for (let r = 0; r < n; r++) {
    if (rindex[r] !== 0) continue;
    rindex[r] = index++;
    root[r] = 1;
    callNode[0] = r;
    callEdge[0] = pointers[r]!;
    csp = 1;
    while (csp > 0) {
      const v = callNode[csp - 1]!;
      let e = callEdge[csp - 1]!;
      const end = pointers[v + 1]!;
      let rv = rindex[v]!;
      let descended = false;
      while (e < end) {
        const w = targets[e++]!;
        const rw = rindex[w]!;
        if (rw === 0) {
          callEdge[csp - 1] = e;
          rindex[v] = rv;
          rindex[w] = index++;
          root[w] = 1;
          callNode[csp] = w;
          callEdge[csp++] = pointers[w]!;
          descended = true;
          break;
        }
        if (rw < rv) {
          rv = rw;
          root[v] = 0;
        }
      }
      if (descended) continue;
      rindex[v] = rv;
      csp--;
      if (root[v] === 1) {
        index--;
        while (sp > 0 && rv <= rindex[stack[sp - 1]!]!) {
          const w = stack[--sp]!;
          rindex[w] = label;
          index--;
          order[emitted++] = w;
        }
        rindex[v] = label--;
        order[emitted++] = v;
        starts[++count] = emitted;
      } else {
        stack[sp++] = v;
      }
      if (csp > 0) {
        const parent = callNode[csp - 1]!;
        const rp = rindex[parent]!;
        const rvNow = rindex[v];
        if (rvNow < rp) {
          rindex[parent] = rvNow;
          root[parent] = 0;
        }
      }
    }
  }
  // Labels count down from n - 1 in closing order; turn them into 0-based component numbers.
  const componentOf = rindex;
  for (let v = 0; v < n; v++) componentOf[v] = n - 1 - componentOf[v]!;
  return { count, order, start: starts.slice(0, count + 1), componentOf };
}
