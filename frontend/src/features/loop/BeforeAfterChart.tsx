// The before/after chart of an improvement initiative: the SLT's value per
// local day, before the change and after it, with each side's mean.
import { useMemo } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ImprovementValidation } from '../../api/loop';
import { compact, percent, quantity } from '../../format';

echarts.use([LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

function css(name: string, fallback: string): string {
  if (typeof window === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** dayValue reads a day's value: a share as a percentage, a statistic in its unit. */
export const dayValue = (v: number, unit: string) => (unit === 'share' ? percent(v) : quantity(v, unit));

/** chartLabel says in words what the chart shows (for screen readers and tests). */
export function chartLabel(v: ImprovementValidation): string {
  const side = (name: string, n: number, mean: number | null) => `${name}: ${n} days${mean !== null ? `, mean ${dayValue(mean, v.unit)}` : ''}`;
  return `Before and after ${v.change}, ${v.measure} per day. ${side('before', v.n_before, v.before.mean)}; ${side('after', v.n_after, v.after.mean)}.`;
}

export function BeforeAfterChart({ v, theme }: { v: ImprovementValidation; theme?: string }) {
  const option = useMemo(() => {
    const text = css('--text-muted', '#5b6472');
    const grid = css('--border', '#e3e6ea');
    const before = css('--text-faint', '#8a929d');
    const after = css('--accent', '#2857c5');
    const f = (x: number) => dayValue(x, v.unit);
    const mean = (m: number | null, color: string, from: string | undefined, to: string | undefined, name: string) =>
      m === null || !from || !to
        ? []
        : [[{ name, coord: [from, m], lineStyle: { color, type: 'dashed' as const }, label: { formatter: `${name} ${f(m)}`, color, fontSize: 11, position: 'insideStartTop' as const } }, { coord: [to, m] }]];
    return {
      aria: { enabled: false },
      animation: false,
      textStyle: { fontFamily: 'inherit' },
      grid: { left: 8, right: 16, top: 30, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 8, textStyle: { color: text, fontSize: 11.5 } },
      tooltip: { trigger: 'axis', valueFormatter: (x: number) => (typeof x === 'number' ? f(x) : x), backgroundColor: css('--surface', '#fff'), borderColor: grid },
      xAxis: { type: 'category', data: v.days.map((d) => d.date), axisLabel: { color: text, fontSize: 11 }, axisLine: { lineStyle: { color: grid } }, axisTick: { show: false } },
      yAxis: { type: 'value', scale: true, axisLabel: { color: text, fontSize: 11, formatter: (x: number) => (v.unit === 'share' ? percent(x, 1) : compact(x)) }, splitLine: { lineStyle: { color: grid } } },
      series: [
        {
          name: 'Before',
          type: 'scatter',
          symbolSize: 5,
          itemStyle: { color: before },
          data: v.days.map((d) => (d.phase === 'before' ? d.value : null)),
          markLine: { symbol: 'none', silent: true, data: mean(v.before.mean, before, v.before.from, v.before.to, 'mean before') },
        },
        {
          name: 'After',
          type: 'scatter',
          symbolSize: 5,
          itemStyle: { color: after },
          data: v.days.map((d) => (d.phase === 'after' ? d.value : null)),
          markLine: {
            symbol: 'none',
            silent: true,
            data: [
              ...mean(v.after.mean, after, v.after.from, v.after.to, 'mean after'),
              { xAxis: v.after.from ?? v.change, lineStyle: { color: text, type: 'solid' }, label: { formatter: 'change', color: text, fontSize: 11 } },
            ],
          },
        },
      ],
    };
  }, [v, theme]);
  return (
    <div className="chart" role="img" aria-label={chartLabel(v)}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge opts={{ renderer: 'svg' }} style={{ height: 260, width: '100%' }} />
    </div>
  );
}
