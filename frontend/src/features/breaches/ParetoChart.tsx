// Pareto chart of breaches on Apache ECharts: bars by SLT (and tier), largest
// first, with the cumulative share as a line and the 80% line marked.
import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { EChart, cssVar } from '../../components/ui/EChart';

import type { ParetoGroup, ParetoMeasure } from './pareto';
import * as fmt from '../../format';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent]);

export function paretoLabel(groups: ParetoGroup[], measure: ParetoMeasure): string {
  const what = measure === 'count' ? 'breaches' : 'priority';
  return `Pareto chart of ${what} by SLT: ${groups.map((g) => `${g.key} ${fmt.number(g.value)} (${fmt.percent(g.cumulative, 1)} cumulative)`).join('; ')}`;
}

export function ParetoChart({ groups, measure, theme }: { groups: ParetoGroup[]; measure: ParetoMeasure; theme: string }) {
  const label = paretoLabel(groups, measure);
  const option = useMemo(() => {
    const text = cssVar('--text-muted', '#5b6472');
    const grid = cssVar('--border', '#e3e6ea');
    const surface = cssVar('--surface', '#ffffff');
    const fg = cssVar('--text', '#1b1f24');
    const accent = cssVar('--danger', '#c53030');
    const muted = cssVar('--border-strong', '#cfd4db');
    const line = cssVar('--accent', '#2857c5');
    return {
      // The wrapper is the labelled image; ECharts' own aria label would say it twice.
      aria: { enabled: false },
      animation: false,
      textStyle: { fontFamily: 'inherit' },
      grid: { left: 8, right: 8, top: 34, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      legend: { top: 0, left: 0, itemGap: 18, itemWidth: 10, itemHeight: 10, textStyle: { color: text, fontSize: 12 } },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        backgroundColor: surface,
        borderColor: grid,
        textStyle: { color: fg, fontSize: 12 },
        valueFormatter: (v: number) => fmt.number(v),
      },
      xAxis: {
        type: 'category',
        data: groups.map((g) => g.key),
        axisLabel: { color: text, fontSize: 11, interval: 0, width: groups.length > 6 ? 90 : 150, overflow: groups.length > 6 ? 'truncate' : 'break', rotate: groups.length > 6 ? 20 : 0 },
        axisLine: { lineStyle: { color: grid } },
        axisTick: { show: false },
      },
      yAxis: [
        {
          type: 'value',
          minInterval: measure === 'count' ? 1 : undefined,
          axisLabel: { color: text, fontSize: 11, formatter: (v: number) => fmt.compact(v) },
          splitLine: { lineStyle: { color: grid } },
        },
        {
          type: 'value',
          min: 0,
          max: 100,
          interval: 20,
          axisLabel: { color: text, fontSize: 11, formatter: '{value}%' },
          splitLine: { show: false },
        },
      ],
      series: [
        {
          name: measure === 'count' ? 'Breaches' : 'Priority (weighted budgets)',
          type: 'bar',
          barMaxWidth: 44,
          // every group keeps a visible bar, however small beside the largest
          barMinHeight: 3,
          itemStyle: { color: accent },
          data: groups.map((g) => ({ value: g.value, itemStyle: { color: g.vitalFew ? accent : muted } })),
        },
        {
          name: 'Cumulative share',
          type: 'line',
          yAxisIndex: 1,
          symbolSize: 6,
          itemStyle: { color: line },
          lineStyle: { color: line, width: 2 },
          data: groups.map((g) => (g.cumulative >= 1 ? 100 : Math.floor(g.cumulative * 1000 + 1e-9) / 10)), // cut, never rounded up to 100%
          tooltip: { valueFormatter: (v: number) => `${v.toFixed(1)}%` },
          markLine: {
            silent: true,
            symbol: 'none',
            label: { show: false },
            lineStyle: { color: text, type: 'dashed', width: 1 },
            data: [{ yAxis: 80 }],
          },
        },
      ],
    };
    // theme: the CSS variables change with it
  }, [groups, measure, label, theme]);

  return <EChart label={label} option={option} height={260} />;
}
