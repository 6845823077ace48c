import { scaleLinear } from "d3-scale";
import { type RefObject, useLayoutEffect, useRef, useState } from "react";
import { type BarChartData, type Measure, formatTick } from "./chart-data";

const ROW = 42;
const LABEL_Y = 14;
const BAR_Y = 19;
const BAR_HEIGHT = 16;
const AXIS = 22;
/** Room at the right for the value written after the longest bar. */
const VALUE_ROOM = 112;

/** The container's width in CSS pixels, followed as it changes (the chart is drawn at its real size so text never shrinks). */
function useWidth<E extends HTMLElement>(): [RefObject<E | null>, number] {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

interface Props {
  id: string;
  /** Read out as the chart's name. */
  title: string;
  /** A sentence or two saying what the chart shows (its text alternative; the table beside it has every number). */
  description: string;
  data: BarChartData;
  measure: Measure;
}

/**
 * A horizontal bar chart in plain SVG, scaled with d3-scale. Each bar is labelled
 * with its name and value in text (national priorities also say so in words, not
 * by colour alone); the SVG carries a title and description for screen readers.
 */
export function BarChart({ id, title, description, data, measure }: Props) {
  const [ref, measured] = useWidth<HTMLDivElement>();
  const width = Math.max(260, Math.floor(measured || 640));
  const x = scaleLinear()
    .domain([0, data.domainMax])
    .range([0, Math.max(60, width - VALUE_ROOM)]);
  const height = data.bars.length * ROW + AXIS;
  const axisY = data.bars.length * ROW + 4;
  return (
    <div ref={ref} className="bar-chart">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="bar-chart__svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {data.ticks.map((t) => (
          <g key={t} transform={`translate(${x(t)},0)`} className="bar-chart__tick">
            <line y1={0} y2={axisY} />
            <text y={axisY + 14} textAnchor={t === 0 ? "start" : "middle"}>
              {formatTick(t, measure)}
            </text>
          </g>
        ))}
        {data.bars.map((b, i) => {
          const w = x(b.value);
          return (
            <g key={b.key} transform={`translate(0,${i * ROW})`} className={b.national ? "bar-chart__bar bar-chart__bar--national" : "bar-chart__bar"}>
              <title>{`${b.label}${b.national ? " (national priority)" : ""}: ${b.valueLabel}`}</title>
              <text y={LABEL_Y} className="bar-chart__label">
                {b.label}
                {b.national ? <tspan className="bar-chart__flag"> · national priority</tspan> : null}
              </text>
              <rect y={BAR_Y} width={Math.max(w, b.value > 0 ? 2 : 0)} height={BAR_HEIGHT} rx={2} />
              <text x={w + 6} y={BAR_Y + BAR_HEIGHT - 3} className="bar-chart__value">
                {b.valueLabel}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
