// Inline SVG charts drawn by hand: drift against bands, lines over time, bars per rule.
const SVG = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

function svg(width, height, label) {
  const root = s('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': label });
  root.style.maxWidth = width + 'px';
  root.append(s('title', {}, label));
  return root;
}

/**
 * The band a class may drift within, in points: the absolute band, the relative band times the target, or the
 * tighter of the two when both are set (the 5/25 rule triggers on whichever is hit first).
 */
export function bandPts(c) {
  const bands = [];
  if (c.absoluteBandPts !== null && c.absoluteBandPts !== undefined) bands.push(Math.abs(Number(c.absoluteBandPts)));
  if (c.relativeBandPct !== null && c.relativeBandPct !== undefined) bands.push(Math.abs(Number(c.relativeBandPct)) * Number(c.targetPct) / 100);
  return bands.length ? Math.min(...bands) : null;
}

/** One row per asset class, worst first: a shaded band around the target and a bar for the drift (red outside). */
export function driftChart(portfolio) {
  const classes = portfolio.classes || [];
  const rowH = 28, left = 150, right = 84, width = 540, top = 22;
  const height = top + rowH * classes.length + 8;
  const extent = Math.max(1, ...classes.map(c => Math.abs(Number(c.driftPts))), ...classes.map(c => bandPts(c) || 0)) * 1.15;
  const plot = width - left - right;
  const x = v => left + plot / 2 + (v / extent) * (plot / 2);
  const root = svg(width, height, 'Drift of each asset class of ' + portfolio.scope + ' against its band, furthest from target first');
  root.append(s('text', { x: x(0), y: 12, 'text-anchor': 'middle', fill: '#5a6473' }, 'target'));
  root.append(s('text', { x: left, y: 12 }, '−' + extent.toFixed(1) + ' pts'));
  root.append(s('text', { x: left + plot, y: 12, 'text-anchor': 'end' }, '+' + extent.toFixed(1) + ' pts'));
  classes.forEach((c, i) => {
    const y = top + i * rowH;
    const drift = Number(c.driftPts);
    const band = bandPts(c);
    const outside = c.outsideBand && c.outsideBand !== 'NONE';
    const g = s('g', {});
    g.append(s('title', {}, `${c.assetClass}: ${c.weightPct} % against a target of ${c.targetPct} %, `
      + `${drift >= 0 ? '+' : ''}${drift} points` + (band !== null ? `, band ±${band.toFixed(2)} points` : '')
      + (outside ? ', outside its band' : ', within its band')));
    g.append(s('text', { x: 0, y: y + 15 }, c.assetClass));
    if (band !== null) {
      g.append(s('rect', { x: x(-band), y: y + 2, width: x(band) - x(-band), height: rowH - 6, fill: '#e3eefa' }));
    }
    const x0 = x(Math.min(0, drift)), x1 = x(Math.max(0, drift));
    g.append(s('rect', { x: x0, y: y + 7, width: Math.max(1.5, x1 - x0), height: rowH - 16, fill: outside ? '#b3261e' : '#1e7b3c',
      'data-class': c.assetClass, 'data-outside': outside ? 'yes' : 'no' }));
    g.append(s('text', { x: width - right + 8, y: y + 15 }, `${drift >= 0 ? '+' : ''}${Number(drift).toFixed(2)} pts`));
    root.append(g);
  });
  root.append(s('line', { x1: x(0), x2: x(0), y1: top - 4, y2: height - 4, stroke: '#1d2430', 'stroke-width': 1 }));
  return root;
}

/** Lines over time: series [{label, color, values: [number|null]}] against labels on the x axis. */
export function lineChart(title, labels, series, unit) {
  const width = 560, height = 220, left = 48, right = 12, top = 28, bottom = 36;
  const all = series.flatMap(se => se.values).filter(v => v !== null && v !== undefined).map(Number);
  const max = Math.max(1, ...all) * 1.1;
  const plotW = width - left - right, plotH = height - top - bottom;
  const x = i => left + (labels.length <= 1 ? plotW / 2 : (i / (labels.length - 1)) * plotW);
  const y = v => top + plotH - (v / max) * plotH;
  const root = svg(width, height, title);
  root.append(s('text', { x: left, y: 14, 'font-weight': 600 }, title));
  for (let k = 0; k <= 4; k++) {
    const v = (max / 4) * k;
    root.append(s('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), stroke: '#d5dae1' }));
    root.append(s('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end' }, v.toFixed(v < 10 ? 1 : 0)));
  }
  labels.forEach((label, i) => {
    if (labels.length <= 8 || i % Math.ceil(labels.length / 8) === 0) {
      const anchor = labels.length > 1 && i === 0 ? 'start' : labels.length > 1 && i === labels.length - 1 ? 'end' : 'middle';
      root.append(s('text', { x: x(i), y: height - bottom + 16, 'text-anchor': anchor }, label));
    }
  });
  series.forEach((se, n) => {
    const points = se.values.map((v, i) => v === null || v === undefined ? null : [x(i), y(Number(v))]).filter(Boolean);
    if (points.length > 1) {
      root.append(s('polyline', { points: points.map(p => p.join(',')).join(' '), fill: 'none', stroke: se.color, 'stroke-width': 2 }));
    }
    points.forEach(p => root.append(s('circle', { cx: p[0], cy: p[1], r: 3.5, fill: se.color })));
    root.append(s('rect', { x: left + n * 170, y: height - 14, width: 10, height: 10, fill: se.color }));
    root.append(s('text', { x: left + n * 170 + 14, y: height - 5 }, se.label + (unit ? ' (' + unit + ')' : '')));
  });
  return root;
}

/** Horizontal bars per rule: blocked and held side by side. */
export function ruleBars(title, rows) {
  const rowH = 24, left = 170, width = 560, top = 26;
  const height = top + rowH * rows.length + 24;
  const max = Math.max(1, ...rows.map(r => r.blocked + r.held));
  const scale = (width - left - 40) / max;
  const root = svg(width, height, title);
  root.append(s('text', { x: 0, y: 14, 'font-weight': 600 }, title));
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    root.append(s('text', { x: 0, y: y + 15 }, r.ruleId));
    root.append(s('rect', { x: left, y: y + 4, width: r.blocked * scale, height: rowH - 8, fill: '#b3261e' }));
    root.append(s('rect', { x: left + r.blocked * scale, y: y + 4, width: r.held * scale, height: rowH - 8, fill: '#7a4bb0' }));
    root.append(s('text', { x: left + (r.blocked + r.held) * scale + 6, y: y + 15 }, String(r.blocked + r.held)));
  });
  const ly = height - 12;
  root.append(s('rect', { x: left, y: ly - 9, width: 10, height: 10, fill: '#b3261e' }));
  root.append(s('text', { x: left + 14, y: ly }, 'blocked'));
  root.append(s('rect', { x: left + 90, y: ly - 9, width: 10, height: 10, fill: '#7a4bb0' }));
  root.append(s('text', { x: left + 104, y: ly }, 'held for approval'));
  return root;
}
