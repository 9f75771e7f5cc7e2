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
 * `targets[pointers[v] .. pointers[v + 1])`, with Tarjan's algorithm run on an explicit stack:
 * a recursive version overflows the call stack on a 200k-long supply chain.
 *
 * Tarjan closes a component only after every component reachable from it has been closed, so the
 * emission order is already a topological order of the condensation with dependencies first.
 */
export function findStronglyConnectedComponents(
  nodeCount: number,
  pointers: Int32Array,
  targets: Int32Array,
): Components {
  const index = new Int32Array(nodeCount).fill(-1);
  const low = new Int32Array(nodeCount);
  const onStack = new Uint8Array(nodeCount);
  const stack = new Int32Array(nodeCount);
  const callNode = new Int32Array(nodeCount);
  const callEdge = new Int32Array(nodeCount);
  const order = new Int32Array(nodeCount);
  const componentOf = new Int32Array(nodeCount);
  const starts: number[] = [0];
  let sp = 0;
  let csp = 0;
  let counter = 0;
  let emitted = 0;

  for (let root = 0; root < nodeCount; root++) {
    if (index[root] !== -1) continue;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    callNode[csp] = root;
    callEdge[csp++] = pointers[root]!;
    while (csp > 0) {
      const v = callNode[csp - 1]!;
      const e = callEdge[csp - 1]!;
      if (e < pointers[v + 1]!) {
        callEdge[csp - 1] = e + 1;
        const w = targets[e]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          callNode[csp] = w;
          callEdge[csp++] = pointers[w]!;
        } else if (onStack[w] === 1 && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      csp--;
      if (csp > 0) {
        const parent = callNode[csp - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
      if (low[v] === index[v]) {
        const component = starts.length - 1;
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          componentOf[w] = component;
          order[emitted++] = w;
        } while (w !== v);
        starts.push(emitted);
      }
    }
  }
  return { count: starts.length - 1, order, start: Int32Array.from(starts), componentOf };
}
