import { useState, type FormEvent } from 'react';
import { useDesk, useDeskState } from './desk-context.ts';
import { MAX_TEXT, ROLE_LABELS, formatStamp, type AuditQuery } from './events-model.ts';

/** datetime-local text ↔ epoch ms, in the tablet's zone (as the console's playback picker). */
const toMs = (local: string) => (local ? new Date(local).getTime() : null);

/** A Blob saved as a file: a Blob URL (the token stays in the fetch, never in a link). */
function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Who did what to which event, alert or rule: searchable, newest first, exportable as CSV. */
export function AuditLog() {
  const desk = useDesk();
  const entries = useDeskState((s) => s.audit);
  const loading = useDeskState((s) => s.auditLoading);
  const exporting = useDeskState((s) => s.exporting);
  const held = useDeskState((s) => s.auditQuery);
  const [form, setForm] = useState({ q: held.q, actor: held.actor, action: held.action, from: '', to: '' });
  const [badRange, setBadRange] = useState(false);

  const query = (): AuditQuery | null => {
    const from = toMs(form.from);
    const to = toMs(form.to);
    const bad = (from !== null && !Number.isFinite(from)) || (to !== null && !Number.isFinite(to)) || (from !== null && to !== null && from > to);
    setBadRange(bad);
    return bad ? null : { ...held, q: form.q, actor: form.actor, action: form.action, from, to };
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    const q = query();
    if (q) void desk.searchAudit(q);
  };
  const exportCsv = async () => {
    const q = query();
    if (!q) return;
    const blob = await desk.exportAudit(q);
    if (blob) saveBlob(blob, `onescreen-audit-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.csv`);
  };
  const bind = (k: keyof typeof form) => ({ value: form[k], onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value })) });

  return (
    <section className="console-card audit" aria-label="审计日志 Audit log">
      <div className="card-head">
        <h2>审计日志 Audit log</h2>
        <span className="card-head__meta" data-testid="audit-count">
          {entries ? `${entries.length} 条 entries${entries.length >= held.limit ? `（仅显示最新 ${held.limit} 条 newest only）` : ''}` : ''}
        </span>
      </div>
      <form className="audit-form" onSubmit={search}>
        <label className="grow">
          关键词 Text
          <input type="search" maxLength={MAX_TEXT.q} {...bind('q')} data-testid="audit-q" />
        </label>
        <label>
          操作者 Actor
          <input maxLength={MAX_TEXT.actor} {...bind('actor')} data-testid="audit-actor" />
        </label>
        <label>
          动作 Action
          <input maxLength={MAX_TEXT.action} placeholder="event.accept" {...bind('action')} data-testid="audit-action" />
        </label>
        <label>
          自 From
          <input type="datetime-local" {...bind('from')} data-testid="audit-from" />
        </label>
        <label>
          至 To
          <input type="datetime-local" {...bind('to')} data-testid="audit-to" />
        </label>
        <div className="audit-form__buttons">
          <button type="submit" className="btn btn--primary" disabled={loading} data-testid="audit-search">
            {loading ? '查询中… Searching' : '查询 Search'}
          </button>
          <button type="button" className="btn" disabled={exporting} data-testid="audit-csv" onClick={() => void exportCsv()}>
            {exporting ? '导出中… Exporting' : '导出 CSV Export'}
          </button>
        </div>
      </form>
      {badRange && (
        <p className="action-form__error" role="alert" data-testid="audit-range-error">
          时间范围无效 The time range is not valid (from must be before to)
        </p>
      )}
      {entries && !entries.length && <p className="console-empty">无记录 No entry</p>}
      {entries && entries.length > 0 && (
        <div className="audit-scroll">
          <table className="audit-table" data-testid="audit-table">
            <thead>
              <tr>
                <th>时间 Time</th>
                <th>操作者 Actor</th>
                <th>动作 Action</th>
                <th>对象 Target</th>
                <th>详情 Detail</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((a) => (
                <tr key={a.id} data-testid="audit-row" data-id={a.id} data-action={a.action}>
                  <td className="nowrap">{formatStamp(a.at)}</td>
                  <td>
                    {a.actor.id} <small>{ROLE_LABELS[a.actor.role]}</small>
                  </td>
                  <td className="mono">{a.action}</td>
                  <td className="mono">{a.target}</td>
                  <td className="audit-table__detail">{a.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
