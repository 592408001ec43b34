// Plots a clinician reads at a glance (uPlot: canvas, log scales, thousands of points). Every plot's container
// carries data-points (how many values it drew), which the browser tests count.
import uPlot from 'uplot';
import { el } from './dom';

export interface Band {
  from: number;
  to: number;
  label: string;
}

export interface Level {
  value: number;
  label: string;
  dash: number[];
}

export interface Marker {
  day: number;
  label: string;
}

export interface Series {
  days: number[];
  values: number[];
}

interface PlotSpec {
  id: string;
  title: string;
  unit: string;
  series: Series;
  /** log cannot show zero; asinh can, and still spreads the small values (CD19 counts around the aplasia line) */
  scale?: 'linear' | 'log' | 'asinh';
  levels?: Level[];
  bands?: Band[];
  markers?: Marker[];
  caption: string;
}

export function plot(spec: PlotSpec): HTMLElement {
  const holder = el('div', { role: 'img', 'aria-label': `${spec.title}: ${spec.caption}` });
  const figure = el(
    'figure',
    { class: 'plot', id: spec.id, 'data-points': String(spec.series.values.length) },
    el('h3', {}, spec.title),
    holder,
    el('figcaption', {}, spec.caption),
  );
  if (spec.series.values.length === 0) {
    holder.append(el('p', {}, 'No values recorded yet.'));
    return figure;
  }
  const options: uPlot.Options = {
    width: 760,
    height: 280,
    scales: { x: { time: false }, y: yScale(spec.scale ?? 'linear') },
    axes: [{ label: 'study day' }, { label: spec.unit, size: 70 }],
    series: [
      { label: 'study day' },
      { label: spec.title, stroke: '#0b3d62', width: 2, points: { show: true, size: 6 } },
    ],
    hooks: { drawClear: [(u) => drawBands(u, spec.bands ?? [])], draw: [(u) => drawGuides(u, spec)] },
  };
  // uPlot sizes itself once the element is in the document
  requestAnimationFrame(() => new uPlot(options, [spec.series.days, spec.series.values], holder));
  return figure;
}

function yScale(scale: 'linear' | 'log' | 'asinh'): uPlot.Scale {
  switch (scale) {
    case 'log':
      return { distr: 3 };
    case 'asinh':
      // counts are never negative: no axis below 0
      return { distr: 4, asinh: 1, range: (_u, _min, max) => [0, max] };
    default:
      return { auto: true };
  }
}

function drawBands(u: uPlot, bands: Band[]): void {
  const { ctx, bbox } = u;
  ctx.save();
  ctx.font = `${Math.round(11 * devicePixelRatio)}px sans-serif`;
  ctx.textBaseline = 'alphabetic';
  bands.forEach((band, index) => {
    const left = u.valToPos(band.from, 'x', true);
    const right = u.valToPos(band.to, 'x', true);
    const from = Math.max(left, bbox.left);
    const to = Math.min(right, bbox.left + bbox.width);
    if (to > from) {
      ctx.fillStyle = 'rgba(255, 160, 0, 0.18)';
      ctx.fillRect(from, bbox.top, to - from, bbox.height);
      // the shading is named in words at its top right (markers label their left), so colour is not the only sign
      ctx.fillStyle = '#7a4a00';
      ctx.textAlign = 'right';
      ctx.fillText(band.label, to - 4, bbox.top + 14 * (1 + (index % 2)) * devicePixelRatio);
    }
  });
  ctx.restore();
}

function drawGuides(u: uPlot, spec: PlotSpec): void {
  const { ctx, bbox } = u;
  ctx.save();
  ctx.font = `${Math.round(12 * devicePixelRatio)}px sans-serif`;
  // uPlot leaves the alignment of its last axis label behind: set ours
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.lineWidth = devicePixelRatio;
  for (const level of spec.levels ?? []) {
    const y = u.valToPos(level.value, 'y', true);
    if (y < bbox.top || y > bbox.top + bbox.height) {
      continue;
    }
    ctx.strokeStyle = '#555';
    ctx.fillStyle = '#333';
    ctx.setLineDash(level.dash.map((d) => d * devicePixelRatio));
    ctx.beginPath();
    ctx.moveTo(bbox.left, y);
    ctx.lineTo(bbox.left + bbox.width, y);
    ctx.stroke();
    ctx.fillText(level.label, bbox.left + 4, y - 4);
  }
  ctx.setLineDash([]);
  (spec.markers ?? []).forEach((marker, index) => {
    const x = u.valToPos(marker.day, 'x', true);
    ctx.strokeStyle = '#2e7d32';
    ctx.fillStyle = '#1b5e20';
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
    // markers close together (CRS grades on consecutive days) get their labels on staggered lines
    ctx.fillText(marker.label, x + 4, bbox.top + 14 * (1 + (index % 3)) * devicePixelRatio);
  });
  ctx.restore();
}
