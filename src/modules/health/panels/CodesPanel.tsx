import { useMemo } from 'react';
import { useTopic } from '../../../core/wall-context.ts';
import { EChart } from '../../../panels/EChart.tsx';
import { PanelWaiting } from '../../../panels/Panel.tsx';
import { WALL_CHART } from '../../../panels/echarts-setup.ts';
import { HEALTH_TOPICS, type HealthDistricts } from '../../../hub/topics/health.ts';
import { CODE_COLORS, formatPeople, percent } from '../scales.ts';

/** The ring of code colours: green dominates by far, so yellow and red get a minimum visible arc. */
export function codesRingOption(green: number, yellow: number, red: number) {
  const total = Math.max(1, green + yellow + red);
  return {
    title: {
      text: percent(green / total, 2),
      subtext: '绿码率 Green',
      left: 'center',
      top: '34%',
      itemGap: 4,
      textStyle: { color: WALL_CHART.text, fontSize: 24, fontWeight: 700 },
      subtextStyle: { color: WALL_CHART.muted, fontSize: 14 },
    },
    series: [
      {
        type: 'pie',
        radius: ['70%', '94%'],
        silent: true,
        label: { show: false },
        minAngle: 5,
        startAngle: 90,
        itemStyle: { borderColor: 'rgba(7,13,26,0.9)', borderWidth: 2 },
        data: [
          { value: green, name: 'green', itemStyle: { color: CODE_COLORS.green } },
          { value: yellow, name: 'yellow', itemStyle: { color: CODE_COLORS.yellow } },
          { value: red, name: 'red', itemStyle: { color: CODE_COLORS.red } },
        ],
      },
    ],
  };
}

function CodeFigure({ kind, label, labelEn, count }: { kind: keyof typeof CODE_COLORS; label: string; labelEn: string; count: number }) {
  const f = formatPeople(count);
  return (
    <div className={`kpi health-code health-code--${kind}`} data-testid={`health-code-${kind}`}>
      <div className="kpi__value">
        {f.value}
        <small>{f.unit}</small>
      </div>
      <div className="kpi__label">
        <i className="health-dot" style={{ background: CODE_COLORS[kind] }} />
        {label}
        <span>{labelEn}</span>
      </div>
    </div>
  );
}

export function CodesPanel({ scale }: { scale: number }) {
  const v = useTopic<HealthDistricts>(HEALTH_TOPICS.districts);
  const t = v?.data.totals;
  const option = useMemo(() => (t ? codesRingOption(t.green, t.yellow, t.red) : null), [t]);
  if (!t || !option) return <PanelWaiting />;
  return (
    <div className="panel-split">
      <EChart option={option} scale={scale} testId="chart-health-codes" className="echart echart--square" />
      <div className="kpi-stack health-codes">
        <CodeFigure kind="green" label="绿码" labelEn="Green" count={t.green} />
        <CodeFigure kind="yellow" label="黄码" labelEn="Yellow" count={t.yellow} />
        <CodeFigure kind="red" label="红码" labelEn="Red" count={t.red} />
      </div>
    </div>
  );
}
