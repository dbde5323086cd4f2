// The SLT detail charts on Apache ECharts: control chart (value, centre line,
// limits, target, rule flags), baseline band, seasonality. Colours come from
// the CSS theme tokens, so they follow light and dark.
import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { EChart, cssVar as css } from '../../components/ui/EChart';
import type { ControlChart as CC, BandPoint, SeasonIndex } from '../../api/analysis';
import { attainment, compact, percent, points as pp, quantity } from '../../format';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent]);

function base() {
  const text = css('--text-muted', '#5b6472');
  const grid = css('--border', '#e3e6ea');
  return {
    // The wrapper is the labelled image; ECharts' own aria label would say it twice.
    aria: { enabled: false },
    animation: false,
    textStyle: { fontFamily: 'inherit' },
    grid: { left: 8, right: 16, top: 30, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 8, textStyle: { color: text, fontSize: 11.5 } },
    tooltip: { trigger: 'axis', backgroundColor: css('--surface', '#fff'), borderColor: grid, textStyle: { color: css('--text', '#111'), fontSize: 12 } },
    xAxis: { type: 'category', axisLabel: { color: text, fontSize: 11 }, axisLine: { lineStyle: { color: grid } }, axisTick: { show: false } },
    yAxis: { type: 'value', scale: true, axisLabel: { color: text, fontSize: 11 }, splitLine: { lineStyle: { color: grid } } },
  };
}

// Values read by the rules of src/format.ts; axis ticks need fewer characters.
const fmt = (ratio: boolean, unit: string) => (v: number) => attainment(v, ratio, unit);
const tick = (ratio: boolean) => (v: number) => (ratio ? percent(v, 2) : compact(v));

/** raw: draw the values before the day-of-week adjustment, without the limits (they apply to the adjusted values). */
export function ControlChartView({ chart, target, ratio, unit = '', theme, raw = false }: { chart: CC; target: number | null; ratio: boolean; unit?: string; theme: string; raw?: boolean }) {
  const val = (p: CC['points'][number]) => (raw ? (p.raw ?? p.value) : p.value);
  const label = `${raw ? 'Raw values' : `Control chart (${chart.kind})`}: ${chart.points.length} periods; ${chart.violations.length} rule signals; ${chart.points
    .map((p) => `${p.label} ${fmt(ratio, unit)(val(p))}${p.rules.length ? ` (rules ${p.rules.join(', ')})` : ''}`)
    .join(', ')}`;
  const option = useMemo(() => {
    const o = base();
    const accent = css('--accent', '#2857c5');
    const danger = css('--danger', '#c53030');
    const muted = css('--text-faint', '#8a929d');
    const ok = css('--ok', '#1f8a4c');
    const f = fmt(ratio, unit);
    return {
      ...o,
      tooltip: { ...o.tooltip, valueFormatter: (v: number) => (typeof v === 'number' ? f(v) : v) },
      xAxis: { ...o.xAxis, data: chart.points.map((p) => p.label) },
      yAxis: { ...o.yAxis, axisLabel: { ...o.yAxis.axisLabel, formatter: tick(ratio) } },
      series: [
        {
          name: 'Value',
          type: 'line',
          data: chart.points.map((p) => ({
            value: val(p),
            symbolSize: p.rules.length ? 9 : 5,
            itemStyle: { color: p.rules.length ? danger : accent },
          })),
          lineStyle: { color: accent, width: 2 },
          itemStyle: { color: accent },
          markLine: target !== null ? { symbol: 'none', silent: true, label: { formatter: 'target', color: ok, fontSize: 11 }, lineStyle: { color: ok, type: 'dashed' }, data: [{ yAxis: target }] } : undefined,
        },
        ...(raw
          ? []
          : [
              { name: 'Centre', type: 'line', symbol: 'none', data: chart.points.map((p) => p.center), lineStyle: { color: muted, width: 1 }, itemStyle: { color: muted } },
              { name: 'Limits', type: 'line', symbol: 'none', step: chart.kind !== 'xmr' ? 'middle' : undefined, data: chart.points.map((p) => p.ucl), lineStyle: { color: danger, width: 1, type: 'dashed' }, itemStyle: { color: danger } },
              { name: 'Limits', type: 'line', symbol: 'none', step: chart.kind !== 'xmr' ? 'middle' : undefined, data: chart.points.map((p) => p.lcl), lineStyle: { color: danger, width: 1, type: 'dashed' }, itemStyle: { color: danger } },
            ]),
      ],
    };
    // theme: the CSS variables change with it
  }, [chart, target, ratio, unit, label, theme, raw]);
  return <EChart label={label} option={option} height={260} />;
}

export function BandChart({ points, ratio, unit = '', theme }: { points: BandPoint[]; ratio: boolean; unit?: string; theme: string }) {
  const label = `Baseline band: ${points.map((p) => `${p.label} ${p.value == null ? 'no value' : fmt(ratio, unit)(p.value)}${p.outside ? ' outside' : ''}`).join(', ')}`;
  const option = useMemo(() => {
    const o = base();
    const accent = css('--accent', '#2857c5');
    const band = css('--ola', '#7a56d2');
    const danger = css('--danger', '#c53030');
    const f = fmt(ratio, unit);
    return {
      ...o,
      legend: { ...o.legend, data: ['Value', 'Median'] },
      tooltip: { ...o.tooltip, valueFormatter: (v: number) => (typeof v === 'number' ? f(v) : v) },
      xAxis: { ...o.xAxis, data: points.map((p) => p.label) },
      yAxis: { ...o.yAxis, axisLabel: { ...o.yAxis.axisLabel, formatter: tick(ratio) } },
      series: [
        { name: 'Lower', type: 'line', symbol: 'none', stack: 'band', data: points.map((p) => p.lower), lineStyle: { opacity: 0 }, itemStyle: { color: band }, tooltip: { show: false } },
        {
          name: 'Band',
          type: 'line',
          symbol: 'none',
          stack: 'band',
          data: points.map((p) => (p.upper != null && p.lower != null ? p.upper - p.lower : null)),
          lineStyle: { opacity: 0 },
          areaStyle: { color: band, opacity: 0.18 },
          itemStyle: { color: band },
          tooltip: { show: false },
        },
        { name: 'Median', type: 'line', symbol: 'none', data: points.map((p) => p.center), lineStyle: { color: band, width: 1, type: 'dashed' }, itemStyle: { color: band } },
        {
          name: 'Value',
          type: 'line',
          data: points.map((p) => ({ value: p.value ?? null, itemStyle: { color: p.outside ? danger : accent }, symbolSize: p.outside ? 8 : 4 })),
          lineStyle: { color: accent, width: 2 },
          itemStyle: { color: accent },
        },
      ],
    };
  }, [points, ratio, unit, label, theme]);
  return <EChart label={label} option={option} height={220} />;
}

export function SeasonChart({ title, idx, ratio, unit, theme }: { title: string; idx: SeasonIndex; ratio: boolean; unit: string; theme: string }) {
  // The index is additive: group mean − overall mean, in the series' units (shares as percentage points).
  const f = (v: number) => (ratio ? pp(v) : quantity(v, unit));
  const label = `${title}: difference from the overall mean per group; best ${idx.best}, worst ${idx.worst}; ${idx.labels.map((l, i) => `${l} ${f(idx.index[i])}`).join(', ')}`;
  const option = useMemo(() => {
    const o = base();
    const accent = css('--accent', '#2857c5');
    const danger = css('--danger', '#c53030');
    return {
      ...o,
      legend: { show: false },
      grid: { ...o.grid, top: 10 },
      xAxis: { ...o.xAxis, data: idx.labels },
      tooltip: { ...o.tooltip, valueFormatter: (v: number) => (typeof v === 'number' ? f(v) : v) },
      yAxis: { ...o.yAxis, scale: false, axisLabel: { ...o.yAxis.axisLabel, formatter: f } },
      series: [
        {
          name: 'Difference from the mean',
          type: 'bar',
          barMaxWidth: 16,
          data: idx.index.map((v, i) => ({ value: v, itemStyle: { color: idx.labels[i] === idx.worst ? danger : accent } })),
          markLine: { symbol: 'none', silent: true, label: { show: false }, lineStyle: { color: css('--text-faint', '#888'), type: 'dashed' }, data: [{ yAxis: 0 }] },
        },
      ],
    };
  }, [idx, label, theme, ratio, unit]);
  return <EChart label={label} option={option} height={170} />;
}
