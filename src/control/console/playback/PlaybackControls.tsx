import { useEffect, useMemo, useRef, useState } from 'react';
import { z } from 'zod';
import { EVENTS_API } from '../../../hub/contract.ts';
import { PLAYBACK_RATES, type WallStatus } from '../../../hub/control.ts';
import { AlertSchema, EVENTS_LIMITS, EventListSchema } from '../../../hub/events/schemas.ts';
import { RECORDINGS_API, RecordingsIndexSchema } from '../../../hub/recording.ts';
import { formatMoment } from '../../../core/format.ts';
import { sessionAuth, useConsole, useConsoleState } from '../console-context.ts';
import { checkCommand } from '../console-model.ts';
import { HubRest } from '../hub-rest.ts';
import { DEFAULT_LOOKBACK_MS, fraction, playbackCommand, timelineMarks, timelineWindow, wallMoment, type Mark, type Range } from './playback-model.ts';
import './playback.css';

const AlertsAnswerSchema = z.object({ alerts: z.array(AlertSchema).max(EVENTS_LIMITS.maxBoardAlerts) });
/** The recording grows (and old segments go): the range is asked again this often. */
const REFRESH_MS = 30_000;

const moment = (t: number) => {
  try {
    return `${formatMoment(t)}:${String(new Date(t).getUTCSeconds()).padStart(2, '0')}`;
  } catch {
    return '—';
  }
};

/**
 * The time machine for one wall: a timeline over what the hub recorded (with the events and alerts
 * of that span as marks), play and pause, the rate, seeking by the scrubber (sent on release), and
 * back to live. Every command goes through checkCommand and the console client like any other.
 */
export function PlaybackControls({ wall }: { wall: WallStatus }) {
  const runtime = useConsole();
  const { client, store } = runtime;
  const rest = useMemo(() => new HubRest(client.hubUrl, sessionAuth(runtime)), [client, runtime]);
  const [range, setRange] = useState<Range | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [marks, setMarks] = useState<{ events: z.infer<typeof EventListSchema>['events']; alerts: z.infer<typeof AlertsAnswerSchema>['alerts'] }>({ events: [], alerts: [] });
  const [drag, setDrag] = useState<number | null>(null);
  // The hub's clock on this tablet: the replayed clock is read on the hub's time, as walls read it.
  const offset = useConsoleState((s) => s.hubOffsetMs);
  const [tick, setNow] = useState(() => Date.now());
  const now = tick + offset;
  const seekRef = useRef<HTMLInputElement>(null);
  const time = wall.state.time;

  useEffect(() => {
    let alive = true;
    const load = async () => {
      const index = await rest.json(RECORDINGS_API.index, RecordingsIndexSchema);
      if (!alive) return;
      if (!index.ok) return setProblem(index.error.message);
      setRange(index.data.range);
      setProblem(index.data.range ? null : `中枢尚无录制 Nothing recorded yet${index.data.recordingNote ? ` (${index.data.recordingNote})` : ''}`);
      // The events desk's REST: the newest events and every alert the hub keeps; marked where they fall in the span.
      const [events, alerts] = await Promise.all([
        rest.json(`${EVENTS_API.events}?limit=${EVENTS_LIMITS.maxListPage}`, EventListSchema),
        rest.json(`${EVENTS_API.alerts}?status=all`, AlertsAnswerSchema),
      ]);
      if (alive) setMarks({ events: events.ok ? events.data.events : [], alerts: alerts.ok ? alerts.data.alerts : [] });
    };
    void load();
    const t = setInterval(() => void load(), REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(t);
    };
  }, [rest]);

  // The replayed clock moves on the console too (the badge's clock on the walls).
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);

  const span = range ? timelineWindow(range) : null;
  const replayed = wallMoment(time, now);
  const start = span ? (replayed ?? Math.max(span.from, span.to - DEFAULT_LOOKBACK_MS)) : 0;
  const shown = drag ?? start;
  const markList: Mark[] = span ? timelineMarks(marks.events, marks.alerts, span) : [];

  const send = (action: Parameters<typeof playbackCommand>[0]) => {
    if (!range) return;
    const checked = checkCommand(playbackCommand(action, time, Date.now() + offset, range, shown));
    if (!checked.ok) return store.setState({ notice: { tone: 'error', text: `输入无效 Invalid input: ${checked.error}` } });
    void client.send(wall.state.wall, checked.command);
  };
  const sendRef = useRef(send);
  useEffect(() => {
    sendRef.current = send;
  });
  const hasTrack = span !== null;

  // A seek goes out on release (the input's change event), not on every step of a drag.
  useEffect(() => {
    const input = seekRef.current;
    if (!input) return;
    const commit = () => {
      const at = Number(input.value);
      setDrag(null);
      if (Number.isFinite(at)) sendRef.current({ do: 'seek', at });
    };
    input.addEventListener('change', commit);
    return () => input.removeEventListener('change', commit);
  }, [hasTrack]);

  const playing = time.mode === 'playback' ? time : null;
  return (
    <div className="playback" data-testid="playback-timeline" data-from={span?.from} data-to={span?.to} data-at={replayed ?? undefined}>
      <div className="row playback__status">
        <strong>{playing ? '回放 Playback' : '实时 Live'}</strong>
        <time data-testid="playback-moment">{playing && replayed !== null ? moment(replayed) : span ? `${moment(span.from)} – ${moment(span.to)}` : '—'}</time>
        {playing && <span>{playing.paused ? '暂停 Paused' : `${playing.rate ?? 1}×`}</span>}
      </div>
      {problem && <p className="console-empty">{problem}</p>}
      {span && (
        <div className="playback__track">
          <div className="playback__marks" aria-hidden="true">
            {markList.map((m) => (
              <span key={`${m.kind}-${m.id}`} className={`playback__mark playback__mark--${m.kind} level-${m.level}`} style={{ left: `${m.x * 100}%` }} title={`${moment(m.at)} ${m.title}`} />
            ))}
          </div>
          <input
            ref={seekRef}
            type="range"
            min={span.from}
            max={span.to}
            step={1000}
            value={shown}
            onChange={(e) => setDrag(Number(e.target.value))}
            data-testid="playback-seek"
            aria-label="回放时刻 Playback moment"
            aria-valuetext={moment(shown)}
          />
          {replayed !== null && <div className="playback__head" style={{ left: `${fraction(replayed, span) * 100}%` }} />}
        </div>
      )}
      <div className="row">
        {playing && !playing.paused ? (
          <button type="button" className="btn" data-testid="playback-pause" disabled={!range} onClick={() => send({ do: 'pause' })}>
            暂停 Pause
          </button>
        ) : (
          <button type="button" className="btn" data-testid="playback-play" disabled={!range} onClick={() => send({ do: 'play' })}>
            播放 Play
          </button>
        )}
        {PLAYBACK_RATES.steps.map((rate) => (
          <button
            key={rate}
            type="button"
            className="btn"
            aria-pressed={playing ? (playing.rate ?? 1) === rate : false}
            disabled={!range}
            data-testid={`playback-rate-${rate}`}
            onClick={() => send({ do: 'rate', rate })}
          >
            {rate}×
          </button>
        ))}
        <button type="button" className="btn" aria-pressed={!playing} data-testid="playback-live" onClick={() => send({ do: 'live' })}>
          实时 Live
        </button>
      </div>
    </div>
  );
}
