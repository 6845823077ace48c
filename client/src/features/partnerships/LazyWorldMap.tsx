import { type ComponentProps, Suspense, lazy } from "react";
import { Loading } from "../../ui/states";
import type { WorldMap as WorldMapComponent } from "./WorldMap";

// The world's outlines and d3-geo load with the first map shown, not with the app.
const WorldMap = lazy(() => import("./WorldMap").then((m) => ({ default: m.WorldMap })));

export function LazyWorldMap(props: ComponentProps<typeof WorldMapComponent>) {
  return (
    <Suspense fallback={<Loading label="Loading the map…" />}>
      <WorldMap {...props} />
    </Suspense>
  );
}
