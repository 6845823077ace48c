import { Suspense, lazy } from "react";
import { Loading } from "../../ui/states";
import type { NetworkGraphProps } from "./NetworkGraph";

// cytoscape is a large library: it loads with the first network shown, not with the app.
const NetworkGraph = lazy(() => import("./NetworkGraph").then((m) => ({ default: m.NetworkGraph })));

/** NetworkGraph, loaded on demand: what other screens embed (same props). */
export function LazyNetworkGraph(props: NetworkGraphProps) {
  return (
    <Suspense fallback={<Loading label="Loading the network graph…" />}>
      <NetworkGraph {...props} />
    </Suspense>
  );
}
