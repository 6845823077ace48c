import { geoGraticule10, geoNaturalEarth1, geoPath } from "d3-geo";
import type { GeoPermissibleObjects } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { type KeyboardEvent, type RefObject, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
// Bundled by Vite: the map needs no tile server and no network.
import countries110m from "world-atlas/countries-110m.json";
import { countryName } from "../../ui/format";
import {
  KIND_GROUPS,
  type KindGroup,
  type Located,
  type MapPartnership,
  type Marker,
  type Origin,
  markerRadius,
  prepareMapData,
  sizeKey,
} from "./map-data";
import "./partnerships.css";

const topology = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
const COUNTRIES = feature(topology, topology.objects.countries) as FeatureCollection<Geometry>;
const SPHERE: GeoPermissibleObjects = { type: "Sphere" };
const GRATICULE = geoGraticule10();

type Bounds = [west: number, south: number, east: number, north: number];
const REGIONS: { key: string; label: string; bounds: Bounds | null }[] = [
  { key: "world", label: "World", bounds: null },
  { key: "europe", label: "Europe", bounds: [-25, 34, 45, 71] },
  { key: "uk", label: "United Kingdom", bounds: [-8.5, 49.8, 2.2, 59] },
  { key: "asia", label: "Asia and Pacific", bounds: [60, -45, 180, 60] },
  { key: "americas", label: "Americas", bounds: [-170, -56, -30, 72] },
  { key: "africa", label: "Africa and Middle East", bounds: [-20, -36, 65, 42] },
];

const GROUP_CLASS: Record<KindGroup | "MIXED", string> = {
  CITY_LINK: "map-kind--city",
  AGREEMENT: "map-kind--agreement",
  RESEARCH: "map-kind--research",
  MIXED: "map-kind--mixed",
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const placeLine = (at: Located) => (at.countryCode === "GB" || at.label === countryName(at.countryCode) ? at.label : `${at.label}, ${countryName(at.countryCode)}`);

interface Props {
  partnerships: readonly MapPartnership[];
  /** Says what the map shows, e.g. "42 partnerships matching your filters". */
  caption: string;
  /** On a partnership's own page: no legend toggles and no table (the page lists the parties). */
  compact?: boolean;
}

interface Active {
  key: string;
  pinned: boolean;
}

/**
 * The world map of partnerships: an SVG drawn offline from world-atlas with
 * d3-geo. Partner places are markers sized by their number of partnerships,
 * UK-side places are squares, great arcs join them. Every marker is focusable
 * and says what it holds; the table below the map carries the same facts.
 */
export function WorldMap({ partnerships, caption, compact = false }: Props) {
  const navigate = useNavigate();
  const captionId = useId();
  const helpId = useId();
  const tooltipId = useId();
  const container = useRef<HTMLDivElement>(null);
  const width = useWidth(container);
  const [region, setRegion] = useState(compact ? "fit" : "world");
  const [hidden, setHidden] = useState<ReadonlySet<KindGroup>>(new Set());
  const [active, setActive] = useState<Active | null>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef<SVGGElement | null>(null);

  const shown = useMemo(() => new Set(KIND_GROUPS.map((g) => g.group).filter((g) => !hidden.has(g))), [hidden]);
  const data = useMemo(() => prepareMapData(partnerships, shown), [partnerships, shown]);
  const all = useMemo(() => prepareMapData(partnerships), [partnerships]);
  const groupCounts = useMemo(() => {
    const counts = new Map<KindGroup, number>();
    for (const g of KIND_GROUPS) counts.set(g.group, partnerships.filter((p) => g.kinds.includes(p.kind)).length);
    return counts;
  }, [partnerships]);

  // On a partnership's page the map opens on its own places.
  const regions = useMemo(() => {
    const fit = compact ? boundsOf([...all.markers, ...all.origins]) : null;
    return fit ? [{ key: "fit", label: "These places", bounds: fit }, ...REGIONS] : REGIONS;
  }, [compact, all]);
  const height = Math.max(220, Math.round(width * (region === "world" ? 0.52 : 0.62)));
  const projection = useMemo(() => {
    const bounds = regions.find((r) => r.key === region)?.bounds ?? null;
    const target: GeoPermissibleObjects = bounds
      ? { type: "MultiPoint", coordinates: [[bounds[0], bounds[1]], [bounds[2], bounds[3]], [bounds[0], bounds[3]], [bounds[2], bounds[1]]] }
      : SPHERE;
    return geoNaturalEarth1().fitExtent(
      [
        [6, 6],
        [width - 6, height - 6],
      ],
      target,
    );
  }, [regions, region, width, height]);
  const path = useMemo(() => geoPath(projection), [projection]);
  const land = useMemo(() => COUNTRIES.features.map((f: Feature<Geometry>, i) => ({ key: String(f.id ?? i), d: path(f) ?? "" })), [path]);

  const most = Math.max(1, ...all.markers.map((m) => m.partnerships.length));
  const point = (at: Located): [number, number] | null => projection([at.lon, at.lat]);
  const activeItem = active ? [...data.markers, ...data.origins].find((m) => keyOf(m) === active.key) ?? null : null;

  // A pinned list moves focus into itself; closing it returns focus to its marker.
  useEffect(() => {
    if (active?.pinned) panelHeading.current?.focus();
  }, [active?.pinned, active?.key]);

  const close = () => {
    setActive(null);
    returnFocus.current?.focus();
  };

  const open = (item: Marker | Origin, element: SVGGElement) => {
    const [only] = item.partnerships;
    if (item.partnerships.length === 1 && only) {
      void navigate(`/partnerships/${encodeURIComponent(only.id)}`);
      return;
    }
    returnFocus.current = element;
    setActive({ key: keyOf(item), pinned: true });
  };

  const onKey = (item: Marker | Origin) => (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      open(item, e.currentTarget);
    } else if (e.key === "Escape" && active) {
      setActive(null);
    }
  };

  const renderPoint = (item: Marker | Origin, origin: boolean) => {
    const xy = point(item);
    if (!xy || xy[0] < -20 || xy[1] < -20 || xy[0] > width + 20 || xy[1] > height + 20) return null;
    const count = item.partnerships.length;
    const r = origin ? 5 : markerRadius(count, most);
    const single = count === 1;
    const names = item.partnerships.map((p) => p.name).join("; ");
    const label = `${placeLine(item)}: ${origin ? "UK side of " : ""}${plural(count, "partnership", "partnerships")}: ${names}.${single ? "" : " Press Enter to list them."}`;
    const group = isMarker(item) ? item.group : null;
    return (
      <g
        key={keyOf(item)}
        className={`map-point ${origin ? "map-point--origin" : `map-point--partner ${GROUP_CLASS[group ?? "MIXED"]}`}`}
        transform={`translate(${xy[0].toFixed(1)} ${xy[1].toFixed(1)})`}
        role={single ? "link" : "button"}
        tabIndex={0}
        aria-label={label}
        aria-haspopup={single ? undefined : "dialog"}
        aria-expanded={single ? undefined : active?.key === keyOf(item) && active.pinned}
        data-place={item.label}
        data-count={count}
        onClick={(e) => open(item, e.currentTarget)}
        onKeyDown={onKey(item)}
        onPointerEnter={() => setActive((a) => (a?.pinned ? a : { key: keyOf(item), pinned: false }))}
        onPointerLeave={() => setActive((a) => (a?.pinned ? a : null))}
        onFocus={() => setActive((a) => (a?.pinned ? a : { key: keyOf(item), pinned: false }))}
        onBlur={() => setActive((a) => (a?.pinned ? a : null))}
      >
        {/* A larger invisible target, so small markers are easy to hit on a touch screen. */}
        <circle className="map-point__target" r={Math.max(r, 11)} />
        <circle className="map-point__focus" r={r + 4} />
        {origin ? <rect className="map-point__shape" x={-r} y={-r} width={r * 2} height={r * 2} /> : <circle className="map-point__shape" r={r} />}
      </g>
    );
  };

  const tooltipAt = activeItem ? point(activeItem) : null;

  return (
    <figure className={compact ? "world-map world-map--compact" : "world-map"} aria-labelledby={captionId}>
      <div className="world-map__toolbar" role="group" aria-label="Show part of the world">
        {regions.map((r) => (
          <button
            key={r.key}
            type="button"
            className="button button--secondary button--small"
            aria-pressed={region === r.key}
            onClick={() => {
              setActive(null);
              setRegion(r.key);
            }}
          >
            {r.label}
          </button>
        ))}
      </div>
      <div className="world-map__canvas" ref={container}>
        <svg
          className="world-map__svg"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-labelledby={captionId}
          aria-describedby={helpId}
        >
          <g aria-hidden="true">
            <path className="map-sphere" d={path(SPHERE) ?? ""} />
            <path className="map-graticule" d={path(GRATICULE) ?? ""} />
            {land.map((c) => (
              <path key={c.key} className="map-country" d={c.d} />
            ))}
          </g>
          <g aria-hidden="true">
            {data.arcs.map((arc) => (
              <path
                key={arc.key}
                className={`map-arc ${GROUP_CLASS[arc.group]}${activeItem?.partnerships.some((p) => p.id === arc.partnershipId) ? " map-arc--active" : ""}`}
                d={path({ type: "LineString", coordinates: [arc.from, arc.to] }) ?? ""}
              />
            ))}
          </g>
          <g className="map-origins">{data.origins.map((o) => renderPoint(o, true))}</g>
          <g className="map-markers">{data.markers.map((m) => renderPoint(m, false))}</g>
        </svg>
        {activeItem && tooltipAt ? (
          <div
            id={tooltipId}
            className={active?.pinned ? "map-tooltip map-tooltip--pinned" : "map-tooltip"}
            style={tooltipAt[0] > width / 2 ? { right: width - tooltipAt[0] + 16, top: tooltipAt[1] } : { left: tooltipAt[0] + 16, top: tooltipAt[1] }}
            role={active?.pinned ? "dialog" : undefined}
            aria-labelledby={active?.pinned ? `${tooltipId}-title` : undefined}
            aria-hidden={active?.pinned ? undefined : true}
            onKeyDown={(e) => {
              if (e.key === "Escape") close();
            }}
          >
            <h3 className="map-tooltip__title" id={`${tooltipId}-title`} ref={panelHeading} tabIndex={-1}>
              {placeLine(activeItem)}
            </h3>
            <ul className="map-tooltip__list">
              {activeItem.partnerships.map((p) => (
                <li key={p.id}>
                  {active?.pinned ? <Link to={`/partnerships/${encodeURIComponent(p.id)}`}>{p.name}</Link> : p.name}
                </li>
              ))}
            </ul>
            {isMarker(activeItem) && activeItem.ukParties.length ? (
              <p className="map-tooltip__meta">UK side: {activeItem.ukParties.join(", ")}</p>
            ) : null}
            {active?.pinned ? (
              <div className="map-tooltip__actions">
                <Link to={`/partnerships/list?place=${encodeURIComponent(activeItem.placeId)}`}>All partnerships in {activeItem.label}</Link>
                <button type="button" className="link-button" onClick={close}>
                  Close
                </button>
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
      <figcaption id={captionId} className="world-map__caption">
        {caption}
      </figcaption>
      <p id={helpId} className="hint world-map__help">
        Circles are partner places, larger for more partnerships; squares are places on the UK side. Tab to a place to hear its
        partnerships; press Enter to open one{compact ? "" : ", or list several"}.
        {compact ? "" : " The same places are in the table below the map."}
      </p>
      {compact ? null : (
        <MapLegend
          most={most}
          counts={groupCounts}
          hidden={hidden}
          onToggle={(g) =>
            setHidden((h) => {
              const next = new Set(h);
              if (next.has(g)) next.delete(g);
              else next.add(g);
              return next;
            })
          }
        />
      )}
      <p className="visually-hidden" role="status">
        {`${plural(data.markers.length, "partner place", "partner places")} and ${plural(data.arcs.length, "link", "links")} on the map.`}
      </p>
      {compact ? null : <MapTable markers={data.markers} unplaced={data.unplaced} />}
    </figure>
  );
}

/** A box around the places, at least 24° by 14° so a single place is shown with its surroundings. */
function boundsOf(points: Located[]): Bounds | null {
  if (!points.length) return null;
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  const [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const padLon = Math.max(4, (24 - (east - west)) / 2);
  const padLat = Math.max(3, (14 - (north - south)) / 2);
  return [Math.max(-180, west - padLon), Math.max(-85, south - padLat), Math.min(180, east + padLon), Math.min(85, north + padLat)];
}

const isMarker = (item: Marker | Origin): item is Marker => "ukParties" in item;
const keyOf = (item: Marker | Origin) => `${isMarker(item) ? "m" : "o"}:${item.placeId}`;

function MapLegend({
  most,
  counts,
  hidden,
  onToggle,
}: {
  most: number;
  counts: Map<KindGroup, number>;
  hidden: ReadonlySet<KindGroup>;
  onToggle: (group: KindGroup) => void;
}) {
  return (
    <div className="map-legend">
      <h3 className="heading-s map-legend__title">Legend</h3>
      <div className="map-legend__groups" role="group" aria-label="Show or hide kinds of partnership">
        {KIND_GROUPS.filter((g) => counts.get(g.group) || hidden.has(g.group)).map((g) => (
          <button
            key={g.group}
            type="button"
            className="map-legend__toggle"
            aria-pressed={!hidden.has(g.group)}
            onClick={() => onToggle(g.group)}
          >
            <svg className="map-legend__swatch" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
              <circle className={`map-point__shape ${GROUP_CLASS[g.group]}`} cx="10" cy="10" r="7" />
            </svg>
            {g.label} ({counts.get(g.group) ?? 0})
          </button>
        ))}
      </div>
      <ul className="map-legend__key" aria-label="Symbols">
        <li>
          <svg className="map-legend__swatch" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <circle className={`map-point__shape ${GROUP_CLASS.MIXED}`} cx="10" cy="10" r="7" />
          </svg>
          Several kinds
        </li>
        <li>
          <svg className="map-legend__swatch" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <rect className="map-point__shape map-point--origin" x="4" y="4" width="12" height="12" />
          </svg>
          UK side
        </li>
        {sizeKey(most).map((n) => {
          const r = markerRadius(n, most);
          return (
            <li key={n}>
              <svg className="map-legend__size" viewBox="0 0 30 30" aria-hidden="true" focusable="false">
                <circle className="map-legend__size-circle" cx="15" cy="15" r={r} />
              </svg>
              {plural(n, "partnership", "partnerships")}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function MapTable({ markers, unplaced }: { markers: Marker[]; unplaced: { id: string; name: string }[] }) {
  const rows = [...markers].sort(
    (a, b) => countryName(a.countryCode).localeCompare(countryName(b.countryCode), "en-GB") || a.label.localeCompare(b.label, "en-GB"),
  );
  return (
    <section className="map-table" aria-labelledby="map-table-title">
      <h3 id="map-table-title" className="heading-s">
        Partner places on the map
      </h3>
      {rows.length ? (
        <table className="table table--stack">
          <thead>
            <tr>
              <th scope="col">Place</th>
              <th scope="col">Country</th>
              <th scope="col">Partnerships</th>
              <th scope="col">UK side</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.placeId}>
                <th scope="row" data-label="Place">
                  {m.label}
                </th>
                <td data-label="Country">{countryName(m.countryCode)}</td>
                <td data-label="Partnerships">
                  <ul className="map-table__list">
                    {m.partnerships.map((p) => (
                      <li key={p.id}>
                        <Link to={`/partnerships/${encodeURIComponent(p.id)}`}>{p.name}</Link>
                      </li>
                    ))}
                  </ul>
                </td>
                <td data-label="UK side">{m.ukParties.join(", ") || "Not recorded"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No partner places to show.</p>
      )}
      {unplaced.length ? (
        <>
          <h3 className="heading-s">Not on the map</h3>
          <p className="muted">These have no partner place with coordinates (or no partner you can see).</p>
          <ul className="plain-list">
            {unplaced.map((p) => (
              <li key={p.id} className="plain-list__item">
                <Link to={`/partnerships/${encodeURIComponent(p.id)}`}>{p.name}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** The container's width in CSS pixels, so markers keep their size on a phone instead of shrinking with the map. */
function useWidth(ref: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(960);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(280, Math.round(el.getBoundingClientRect().width)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
