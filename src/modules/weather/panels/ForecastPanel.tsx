import { useMemo } from 'react';
import { useTopic } from '../../../core/wall-context.ts';
import { EChart } from '../../../panels/EChart.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { WALL_CHART } from '../../../panels/echarts-setup.ts';
import type { WeatherForecast } from '../../../hub/topics/weather.ts';
import { formatHourOfDay } from '../../../core/format.ts';

const RAIN_BAR = '#2f9ff0';

/** Next 24 hours at the city: temperature line (°C, left) and precipitation bars (mm, right). */
export function ForecastPanel({ scale }: { scale: number }) {
  const forecast = useTopic<WeatherForecast>('weather.forecast')?.data;
  const hours = forecast?.hours;
  const option = useMemo(() => {
    if (!hours) return null;
    const temps = hours.map((h) => h.temperatureC);
    const lo = Math.floor(Math.min(...temps) - 1);
    const hi = Math.ceil(Math.max(...temps) + 1);
    const rainMax = Math.max(2, Math.ceil(Math.max(...hours.map((h) => h.precipMm))));
    const axisLabel = { color: WALL_CHART.muted, fontSize: 14 };
    return {
      grid: { left: 44, right: 40, top: 30, bottom: 26 },
      xAxis: {
        type: 'category',
        data: hours.map((h) => formatHourOfDay(h.time)),
        axisLabel: { ...axisLabel, interval: 3 },
        axisTick: { show: false },
        axisLine: { lineStyle: { color: WALL_CHART.grid } },
      },
      yAxis: [
        {
          type: 'value',
          name: '°C',
          min: lo,
          max: hi,
          nameTextStyle: { ...axisLabel, align: 'right' },
          axisLabel,
          splitLine: { lineStyle: { color: WALL_CHART.grid } },
        },
        {
          type: 'value',
          name: 'mm',
          min: 0,
          max: rainMax,
          nameTextStyle: { ...axisLabel, align: 'left' },
          axisLabel,
          splitLine: { show: false },
        },
      ],
      series: [
        {
          type: 'bar',
          yAxisIndex: 1,
          data: hours.map((h) => h.precipMm),
          barWidth: '60%',
          itemStyle: { color: RAIN_BAR, borderRadius: [2, 2, 0, 0] },
        },
        {
          type: 'line',
          data: temps,
          smooth: 0.3,
          showSymbol: false,
          lineStyle: { color: WALL_CHART.highlight, width: 2.5 },
        },
      ],
    };
  }, [hours]);
  if (!forecast || !option || !hours) return <PanelWaiting />;
  const temps = hours.map((h) => h.temperatureC);
  const wettest = hours.reduce((a, b) => (b.precipProbability > a.precipProbability ? b : a));
  const total = hours.reduce((s, h) => s + h.precipMm, 0);
  return (
    <>
      <div className="weather-summary" data-testid="forecast-summary">
        <span>
          气温
          <b>
            {Math.round(Math.min(...temps))}~{Math.round(Math.max(...temps))} °C
          </b>
        </span>
        <span>
          降水概率<b>{Math.round(wettest.precipProbability * 100)}%</b>
        </span>
        <span>
          累计<b>{total.toFixed(1)} mm</b>
        </span>
      </div>
      <EChart option={option} scale={scale} testId="chart-weather-forecast" />
    </>
  );
}
