interface Props {
  label: string;
  labelEn?: string;
  value: string;
  unit?: string;
  testId?: string;
}

/** A large figure with its unit: tabular digits so a changing number does not jitter. */
export function KpiTile({ label, labelEn, value, unit, testId }: Props) {
  return (
    <div className="kpi" data-testid={testId}>
      <div className="kpi__value">
        {value}
        {unit && <small>{unit}</small>}
      </div>
      <div className="kpi__label">
        {label}
        {labelEn && <span>{labelEn}</span>}
      </div>
    </div>
  );
}
