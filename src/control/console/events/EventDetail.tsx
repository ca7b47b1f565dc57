import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { LEVELS, type CityEvent, type Transition } from '../../../hub/contract.ts';
import { allowedActions } from '../../../hub/events/lifecycle.ts';
import { formatDay, formatHms, formatMoment } from '../../../core/format.ts';
import { useConsoleState } from '../console-context.ts';
import { districtName, point } from '../console-model.ts';
import { useDesk, useDeskState, useHubNow } from './desk-context.ts';
import {
  ACTION_FIELDS,
  ACTION_LABELS,
  FIELD_LABELS,
  LEVEL_STYLE,
  ROLE_LABELS,
  SOURCE_LABELS,
  STATUS_LABELS,
  WARN_ACTIONS,
  buildCommand,
  departmentName,
  departmentsFor,
  slaOf,
  type ActionForm,
  type CommandAction,
  type FormField,
} from './events-model.ts';
import { ShowOnWall } from './WallLink.tsx';

const when = (ms: number | undefined) => (ms === undefined ? '—' : formatMoment(ms));

function Field({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'detail-field detail-field--wide' : 'detail-field'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const FIELD_TEST_IDS: Record<FormField, string> = {
  level: 'event-level',
  department: 'event-department',
  reason: 'event-reason',
  feedback: 'event-feedback',
  text: 'event-comment',
  note: 'event-note',
};

/**
 * The steps the lifecycle offers for the event's status. A step is chosen first, then confirmed
 * with what it needs (a reason, a department…): on a tablet one stray tap must not close an event.
 */
function ActionPanel({ event }: { event: CityEvent }) {
  const desk = useDesk();
  const acting = useDeskState((s) => s.acting);
  const catalog = useDeskState((s) => s.catalog);
  const [chosenRaw, setChosen] = useState<CommandAction | null>(null);
  const [form, setForm] = useState<ActionForm>({});
  const [formError, setFormError] = useState<string | null>(null);
  const allowed = allowedActions(event.status);
  // The event moved on (a poll, another operator): a step it no longer offers is dropped.
  const chosen = chosenRaw && allowed.includes(chosenRaw) ? chosenRaw : null;
  const departments = departmentsFor(catalog, event.category);

  const choose = (a: CommandAction) => {
    setFormError(null);
    if (chosen === a) return setChosen(null);
    setChosen(a);
    setForm(a === 'dispatch' && departments[0] ? { department: event.department && departments.some((d) => d.id === event.department) ? event.department : departments[0].id } : {});
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!chosen || acting) return;
    const built = buildCommand(chosen, form);
    if (!built.ok) return setFormError(built.error);
    setFormError(null);
    if (await desk.act(built.command)) {
      setChosen(null);
      setForm({});
    }
  }

  if (!allowed.length) return <p className="console-empty">此事件已终结，无可执行步骤 This event is final: no step left</p>;
  const missing = chosen ? ACTION_FIELDS[chosen].some(({ field, required }) => required && !(form[field] ?? '').trim()) : false;

  return (
    <div className="actions" data-testid="event-actions">
      <div className="actions__buttons">
        {allowed.map((a) => (
          <button
            key={a}
            type="button"
            className={`btn${WARN_ACTIONS.includes(a) ? ' btn--warn' : ''}`}
            aria-pressed={chosen === a}
            disabled={acting !== null}
            data-testid={`event-action-${a}`}
            onClick={() => choose(a)}
          >
            {ACTION_LABELS[a]}
          </button>
        ))}
      </div>
      {chosen && (
        <form className="action-form" data-testid={`event-form-${chosen}`} onSubmit={(e) => void submit(e)}>
          {ACTION_FIELDS[chosen].map(({ field, required }) => {
            const set = (v: string) => setForm((f) => ({ ...f, [field]: v }));
            const label = `${FIELD_LABELS[field]}${required ? ' *' : ''}`;
            const value = form[field] ?? '';
            if (field === 'level')
              return (
                <label key={field}>
                  {label}
                  <select value={value} onChange={(e) => set(e.target.value)} data-testid={FIELD_TEST_IDS[field]}>
                    <option value="">不变 Keep ({LEVEL_STYLE[event.level].label})</option>
                    {LEVELS.map((l) => (
                      <option key={l} value={l}>
                        {LEVEL_STYLE[l].label}
                      </option>
                    ))}
                  </select>
                </label>
              );
            if (field === 'department')
              return (
                <label key={field}>
                  {label}
                  <select value={value} onChange={(e) => set(e.target.value)} required data-testid={FIELD_TEST_IDS[field]}>
                    {!departments.length && <option value="">目录未载入 Catalog not loaded</option>}
                    {departments.map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.name} {d.nameEn}
                        {event.department === d.id ? ' (当前 current)' : ''}
                      </option>
                    ))}
                  </select>
                </label>
              );
            const long = field === 'feedback' || field === 'reason' || field === 'text';
            return (
              <label key={field}>
                {label}
                {long ? (
                  <textarea value={value} rows={2} maxLength={500} required={required} onChange={(e) => set(e.target.value)} data-testid={FIELD_TEST_IDS[field]} />
                ) : (
                  <input value={value} maxLength={500} onChange={(e) => set(e.target.value)} data-testid={FIELD_TEST_IDS[field]} />
                )}
              </label>
            );
          })}
          {formError && (
            <p className="action-form__error" role="alert" data-testid="event-form-error">
              {formError}
            </p>
          )}
          <div className="row">
            <button type="submit" className={`btn ${WARN_ACTIONS.includes(chosen) ? 'btn--warn' : 'btn--primary'}`} disabled={acting !== null || missing} data-testid="event-submit">
              {acting === chosen ? '提交中… Sending' : `确认${ACTION_LABELS[chosen]}`}
            </button>
            <button type="button" className="btn" disabled={acting !== null} data-testid="event-cancel" onClick={() => setChosen(null)}>
              取消 Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function TimelineRow({ t, now }: { t: Transition; now: number }) {
  const catalog = useDeskState((s) => s.catalog);
  return (
    <li className={`timeline-row timeline-row--${t.action}`} data-testid="timeline-row" data-action={t.action} data-n={t.n} data-to={t.to}>
      <time className="timeline-row__at" title={formatMoment(t.at)}>
        {formatDay(t.at) === formatDay(now) ? formatHms(t.at) : `${formatDay(t.at)} ${formatHms(t.at)}`}
      </time>
      <div className="timeline-row__body">
        <div className="timeline-row__head">
          <strong>{ACTION_LABELS[t.action]}</strong>
          {t.from !== null && t.from !== t.to && (
            <span className="timeline-row__move">
              {STATUS_LABELS[t.from]} → {STATUS_LABELS[t.to]}
            </span>
          )}
          {t.level && <span className={`tag tag--level-${t.level}`}>{LEVEL_STYLE[t.level].label}</span>}
        </div>
        <div className="timeline-row__who">
          {ROLE_LABELS[t.actor.role]} {t.actor.id}
          {t.department && <> · 部门 {departmentName(catalog, t.department)}</>}
        </div>
        {t.note && <p className="timeline-row__note">{t.note}</p>}
      </div>
    </li>
  );
}

/** The selected event: its fields, the steps it allows, its timeline oldest first. */
export function EventDetailPane() {
  const detail = useDeskState((s) => s.detail);
  const catalog = useDeskState((s) => s.catalog);
  const districts = useConsoleState((s) => s.districts);
  const now = useHubNow();
  const ref = useRef<HTMLElement>(null);
  const id = detail?.event.id;
  // One column (a portrait tablet): the detail is below the queue, so bring it into view when chosen.
  useEffect(() => {
    if (id && typeof matchMedia !== 'undefined' && matchMedia('(max-width: 900px)').matches) ref.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [id]);
  if (!detail)
    return (
      <section className="console-card detail detail--empty" data-testid="event-detail-empty">
        <p className="console-empty">在队列中选择一个事件 Choose an event in the queue</p>
      </section>
    );
  const e = detail.event;
  const sla = slaOf(e, now);
  const category = catalog?.categories.find((c) => c.id === e.category);
  return (
    <section ref={ref} className="console-card detail" data-testid="event-detail" data-id={e.id} data-status={e.status} data-version={e.version} aria-label="事件详情 Event">
      <header className="detail__head">
        <div className="detail__tags">
          <span className={`tag tag--level-${e.level}`}>{LEVEL_STYLE[e.level].label}</span>
          <span className={`tag tag--status tag--${e.status}`} data-testid="event-status">
            {STATUS_LABELS[e.status]}
          </span>
          {e.overdue && <span className="tag tag--alarm">超期 Overdue</span>}
          {e.escalated && <span className="tag tag--warning">督办 Escalated</span>}
          {category ? (
            <span className="tag" style={{ borderColor: category.colour, color: category.colour }}>
              {category.name} {category.nameEn}
            </span>
          ) : (
            <span className="tag">{e.category}</span>
          )}
        </div>
        <h2 className="detail__title" data-testid="event-title">
          {e.title}
        </h2>
        <div className="detail__id">
          {e.id} · v{e.version}
        </div>
      </header>
      <ShowOnWall position={e.position} label={e.title} testId="event-show-on-wall" />
      <div className="detail__body">
        <div className="detail__info">
          <dl className="detail-fields">
            <Field label="时限 SLA">
              <span className={`sla sla--${sla.tone}`} data-testid="event-detail-sla">
                {sla.text}
              </span>
            </Field>
            <Field label="区县 District">{districtName(e.district, { districts })}</Field>
            <Field label="来源 Source">{SOURCE_LABELS[e.source]}</Field>
            <Field label="地址 Address">{e.address ?? point(e.position)}</Field>
            <Field label="上报 Reported">{when(e.reportedAt)}</Field>
            {e.acceptedAt === undefined && e.status === 'reported' && <Field label="受理时限 Accept by">{when(e.acceptBy)}</Field>}
            {e.acceptedAt !== undefined && <Field label="立案 Accepted">{when(e.acceptedAt)}</Field>}
            {e.department && <Field label="处置部门 Department">{departmentName(catalog, e.department)}</Field>}
            {e.deadline !== undefined && <Field label="处置时限 Deadline">{when(e.deadline)}</Field>}
            {e.handledAt !== undefined && <Field label="反馈 Handled">{when(e.handledAt)}</Field>}
            {e.verifiedAt !== undefined && <Field label="核查 Verified">{when(e.verifiedAt)}</Field>}
            {e.closedAt !== undefined && <Field label={e.status === 'refused' ? '不予立案 Refused' : '结案 Closed'}>{when(e.closedAt)}</Field>}
            {e.alertId && <Field label="预警 Alert">{e.alertId}</Field>}
            {e.description && (
              <Field label="描述 Description" wide>
                <span className="detail__description">{e.description}</span>
              </Field>
            )}
          </dl>
          <h3>处置 Steps</h3>
          <ActionPanel key={e.id} event={e} />
        </div>
        <div className="detail__history">
          <h3>
            时间线 Timeline <small>{detail.timeline.length} 步 steps</small>
          </h3>
          {detail.timeline.length === 0 ? (
            <p className="console-empty">加载中 Loading…</p>
          ) : (
            <ol className="timeline" data-testid="event-timeline">
              {detail.timeline.map((t) => (
                <TimelineRow key={t.n} t={t} now={now} />
              ))}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
}
