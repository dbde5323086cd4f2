// EChart: one Apache ECharts chart as a labelled image, drawn as SVG (crisp
// in screenshots, printable), that follows its container's width. Chart
// modules register the chart types they draw with echarts.use; colours come
// from the CSS theme tokens (cssVar), so charts follow light and dark.
import { useEffect, useRef } from 'react';
// The ESM build: the CommonJS lib/ one arrives as {default} in the production bundle.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([SVGRenderer]);

/** cssVar reads a theme token (a CSS custom property of the document). */
export function cssVar(name: string, fallback: string): string {
  if (typeof window === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export function EChart({ label, option, height }: { label: string; option: object; height: number }) {
  // Follow the container's width (window resize, sidebar changes). echarts-for-react's
  // own size sensor misses WebKitGTK resizes, so the wrapper is observed directly, and
  // the width is given explicitly: measuring the container again returns its old size
  // in WebKitGTK.
  const wrap = useRef<HTMLDivElement>(null);
  const chart = useRef<ReactEChartsCore>(null);
  useEffect(() => {
    const el = wrap.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const width = Math.floor(entries[0]?.contentRect.width ?? 0);
      const inst = chart.current?.getEchartsInstance();
      if (inst && width > 0 && width !== inst.getWidth()) inst.resize({ width });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return (
    <div className="chart" role="img" aria-label={label} ref={wrap}>
      <ReactEChartsCore ref={chart} echarts={echarts} option={option} notMerge opts={{ renderer: 'svg' }} style={{ height, width: '100%' }} />
    </div>
  );
}
