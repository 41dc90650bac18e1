import type { DuckDBConnection } from "@duckdb/node-api";
import { UndirectedGraph } from "graphology";
import louvainModule from "graphology-communities-louvain";
import betweennessModule from "graphology-metrics/centrality/betweenness.js";
import { query } from "./warehouse.js";

// CommonJS modules whose typings declare an ES default export: at run time the module itself is the function.
const betweenness = betweennessModule as unknown as typeof betweennessModule.default;
const louvain = louvainModule as unknown as typeof louvainModule.default;

export type Edge = { policy_id: string; department_a: string; department_b: string; weight: number };
const round9 = (x: number) => Math.round(x * 1e9) / 1e9;

export type NodeMetrics = { policy_id: string; department_id: string; betweenness: number; betweenness_normalized: number; community: number };

/** A deterministic random source, so the communities (and the matrix order) are the same on every build. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Betweenness (unweighted: shared rows are ties, not distances) and Louvain communities (weighted by shared rows)
 * of each policy's department network.
 */
export function networkMetrics(nodes: { policy_id: string; department_id: string }[], edges: Edge[]): NodeMetrics[] {
  const out: NodeMetrics[] = [];
  for (const policy of new Set(nodes.map((n) => n.policy_id))) {
    const graph = new UndirectedGraph();
    for (const n of nodes.filter((n) => n.policy_id === policy).sort((a, b) => a.department_id.localeCompare(b.department_id))) graph.addNode(n.department_id);
    // edges in a fixed order and the scores rounded: sums of shortest-path shares otherwise differ in the last bit
    const own = edges.filter((e) => e.policy_id === policy).sort((a, b) => a.department_a.localeCompare(b.department_a) || a.department_b.localeCompare(b.department_b));
    for (const e of own) graph.addEdge(e.department_a, e.department_b, { weight: e.weight });
    const raw = betweenness(graph, { getEdgeWeight: null, normalized: false });
    const normalized = betweenness(graph, { getEdgeWeight: null, normalized: true });
    const communities = graph.size > 0 ? louvain(graph, { rng: seeded(20170908), getEdgeWeight: "weight" }) : {};
    graph.forEachNode((id: string) =>
      out.push({ policy_id: policy, department_id: id, betweenness: round9(raw[id] ?? 0), betweenness_normalized: round9(normalized[id] ?? 0), community: communities[id] ?? 0 }),
    );
  }
  return out;
}

/** Fills raw.department_network_metrics from the department_edges view (build time). */
export async function storeNetworkMetrics(connection: DuckDBConnection): Promise<void> {
  const nodes = (await query(connection, "SELECT DISTINCT policy_id, department_id FROM task_assignments")).rows as { policy_id: string; department_id: string }[];
  const edges = (await query(connection, "SELECT policy_id, department_a, department_b, weight FROM department_edges")).rows as Edge[];
  const metrics = networkMetrics(nodes, edges);
  await connection.run("DELETE FROM raw.department_network_metrics");
  const statement = await connection.prepare("INSERT INTO raw.department_network_metrics VALUES ($1, $2, $3, $4, $5)");
  for (const m of metrics) {
    statement.bind([m.policy_id, m.department_id, m.betweenness, m.betweenness_normalized, m.community]);
    await statement.run();
  }
}
