// BarChart: a generic stacked horizontal bar chart on Apache ECharts, fed by
// accessors (category of a row, value of a row per series). Colours come from
// the CSS theme tokens so it follows light/dark.
import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { BarChart as EBar } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { EChart, cssVar } from './EChart';

echarts.use([EBar, GridComponent, LegendComponent, TooltipComponent]);

export interface BarSeries<T> {
  name: string;
  /** CSS custom property holding the colour, e.g. "--sla". */
  colorVar: string;
  value: (row: T) => number;
}

export interface BarChartProps<T> {
  /** Accessible description of what the chart shows. */
  label: string;
  rows: T[];
  category: (row: T) => string;
  series: BarSeries<T>[];
  /** Changes when the theme changes, so colours are read again. */
  theme: string;
  height?: number;
}

export function BarChart<T>({ label, rows, category, series, theme, height }: BarChartProps<T>) {
  const option = useMemo(() => {
    const text = cssVar('--text-muted', '#5b6472');
    const grid = cssVar('--border', '#e3e6ea');
    const surface = cssVar('--surface', '#ffffff');
    const fg = cssVar('--text', '#1b1f24');
    const cats = rows.map(category);
    return {
      // The wrapper is the labelled image; ECharts' own aria label would say it twice.
    aria: { enabled: false },
      animation: false,
      textStyle: { fontFamily: 'inherit' },
      grid: { left: 8, right: 16, top: 28, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      legend: { top: 0, left: 0, itemWidth: 10, itemHeight: 10, textStyle: { color: text, fontSize: 12 } },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        backgroundColor: surface,
        borderColor: grid,
        textStyle: { color: fg, fontSize: 12 },
      },
      xAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: text, fontSize: 11 },
        splitLine: { lineStyle: { color: grid } },
      },
      yAxis: {
        type: 'category',
        data: cats,
        inverse: true,
        axisLabel: { color: text, fontSize: 12, width: 140, overflow: 'truncate' },
        axisLine: { lineStyle: { color: grid } },
        axisTick: { show: false },
      },
      series: series.map((s) => ({
        name: s.name,
        type: 'bar',
        stack: 'total',
        barMaxWidth: 18,
        itemStyle: { color: cssVar(s.colorVar, '#888') },
        emphasis: { focus: 'series' },
        data: rows.map(s.value),
      })),
    };
    // theme is a dependency on purpose: the CSS variables change with it.
  }, [rows, category, series, label, theme]);

  return <EChart label={label} option={option} height={height ?? Math.max(120, 44 + rows.length * 30)} />;
}
