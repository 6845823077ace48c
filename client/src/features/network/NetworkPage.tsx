import { useCallback, useState } from "react";
import { Link, useParams } from "react-router";
import { Page } from "../../ui/Page";
import { LazyNetworkGraph } from "./LazyNetworkGraph";
import type { LoadedCentre } from "./NetworkGraph";
import { nodeHref } from "./graph-elements";

/** /network/:id: the network around a person or organisation, full width. */
export function NetworkPage() {
  const { id = "" } = useParams();
  const [centre, setCentre] = useState<LoadedCentre | null>(null);
  const onLoaded = useCallback((c: LoadedCentre) => setCentre(c), []);
  const shown = centre?.id === id ? centre : null;
  const name = shown ? (shown.nameLatin && shown.nameLatin !== shown.name ? `${shown.name} (${shown.nameLatin})` : shown.name) : null;
  const href = shown ? nodeHref(shown) : null;
  return (
    <Page
      title={name ? `Network around ${name}` : "Network"}
      caption={href && name ? <Link to={href}>{name}</Link> : undefined}
    >
      <p className="lead">Who and what links to this record, from the records you can see. Other members' private records never appear.</p>
      {/* Keyed by the centre, so moving to another record starts afresh (depth, selection, highlight). */}
      <LazyNetworkGraph key={id} centre={id} height={560} onLoaded={onLoaded} />
    </Page>
  );
}
