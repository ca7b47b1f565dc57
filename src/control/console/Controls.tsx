import { useState } from 'react';
import type { WallStatus } from '../../hub/control.ts';
import { useConsole, useConsoleState } from './console-context.ts';
import { checkCommand, wallLayers } from './console-model.ts';
import { PlaybackControls } from './playback/PlaybackControls.tsx';

/** The commands for one wall. Every input is checked with the hub's own schema before it leaves. */
export function Controls({ wall }: { wall: WallStatus }) {
  const { client, store } = useConsole();
  const scenes = useConsoleState((s) => s.scenes);
  const districts = useConsoleState((s) => s.districts);
  const [district, setDistrict] = useState('');
  const [lon, setLon] = useState('106.5790');
  const [lat, setLat] = useState('29.5630');
  const [zoom, setZoom] = useState('12');
  const [label, setLabel] = useState('');
  const [moment, setMoment] = useState('');
  const id = wall.state.wall;
  const { state } = wall;

  const send = (raw: unknown) => {
    const checked = checkCommand(raw);
    if (!checked.ok) return store.setState({ notice: { tone: 'error', text: `输入无效 Invalid input: ${checked.error}` } });
    void client.send(id, checked.command);
  };
  const pointOf = () => [Number(lon), Number(lat)];
  const layers = wallLayers(wall, scenes);

  return (
    <div className="controls">
      <fieldset>
        <legend>场景 Scene</legend>
        <div className="btn-grid">
          {scenes.map((s) => (
            <button
              key={s.id}
              type="button"
              className="btn scene-btn"
              aria-pressed={state.scene === s.id}
              data-testid={`scene-${s.id}`}
              onClick={() => send({ type: 'scene', scene: s.id })}
            >
              <strong>{s.title}</strong>
              <small>{s.titleEn}</small>
            </button>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>图层 Layers</legend>
        {layers.length === 0 && <p className="console-empty">此场景无可切换图层 No layers in this scene</p>}
        <div className="btn-grid">
          {layers.map((l) => (
            <button
              key={l.id}
              type="button"
              className="btn layer-btn"
              aria-pressed={l.visible}
              data-testid={`layer-${l.id}`}
              onClick={() => send({ type: 'layer', layer: l.id, visible: !l.visible })}
            >
              <strong>{l.visible ? '● 显示' : '○ 隐藏'} {l.id}</strong>
              <small>{l.kind}</small>
            </button>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>区县 District</legend>
        <div className="row">
          <select value={district} onChange={(e) => setDistrict(e.target.value)} data-testid="district-select" aria-label="区县 District">
            <option value="">选择区县 Choose a district</option>
            {districts.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name} {d.nameEn}
              </option>
            ))}
          </select>
          <button type="button" className="btn" disabled={!district} data-testid="fly-district" onClick={() => send({ type: 'fly', to: { district } })}>
            飞往 Fly
          </button>
          <button type="button" className="btn" disabled={!district} data-testid="highlight-district" onClick={() => send({ type: 'highlight', target: { district } })}>
            高亮 Highlight
          </button>
        </div>
      </fieldset>

      <fieldset>
        <legend>坐标点 Point</legend>
        <div className="row">
          <label>
            经度 Lon
            <input inputMode="decimal" value={lon} onChange={(e) => setLon(e.target.value)} data-testid="point-lon" />
          </label>
          <label>
            纬度 Lat
            <input inputMode="decimal" value={lat} onChange={(e) => setLat(e.target.value)} data-testid="point-lat" />
          </label>
          <label>
            缩放 Zoom
            <input inputMode="decimal" value={zoom} onChange={(e) => setZoom(e.target.value)} data-testid="point-zoom" />
          </label>
          <label className="grow">
            标注 Label
            <input value={label} maxLength={40} onChange={(e) => setLabel(e.target.value)} data-testid="point-label" />
          </label>
        </div>
        <div className="row">
          <button type="button" className="btn" data-testid="fly-point" onClick={() => send({ type: 'fly', to: { center: pointOf(), zoom: zoom === '' ? undefined : Number(zoom) } })}>
            飞往坐标 Fly to point
          </button>
          <button
            type="button"
            className="btn"
            data-testid="highlight-point"
            onClick={() => send({ type: 'highlight', target: { point: pointOf(), ...(label.trim() ? { label: label.trim() } : {}) } })}
          >
            标注此点 Mark point
          </button>
          <button type="button" className="btn" data-testid="fly-home" onClick={() => send({ type: 'fly', to: null })}>
            复位 Home
          </button>
          <button type="button" className="btn" data-testid="highlight-clear" onClick={() => send({ type: 'highlight', target: null })}>
            清除高亮 Clear
          </button>
        </div>
      </fieldset>

      <fieldset>
        <legend>时间 Time</legend>
        <div className="row">
          <button type="button" className="btn" aria-pressed={state.time.mode === 'live'} data-testid="time-live" onClick={() => send({ type: 'time', time: { mode: 'live' } })}>
            实时 Live
          </button>
          <input type="datetime-local" value={moment} onChange={(e) => setMoment(e.target.value)} data-testid="time-at" aria-label="回放时刻 Playback moment" />
          <button
            type="button"
            className="btn"
            disabled={!moment}
            aria-pressed={state.time.mode === 'playback'}
            data-testid="time-playback"
            onClick={() => {
              const at = new Date(moment).getTime();
              if (!(at < Date.now())) return store.setState({ notice: { tone: 'error', text: '回放时刻须在过去 Playback must be a past moment' } });
              send({ type: 'time', time: { mode: 'playback', at } });
            }}
          >
            回放 Playback
          </button>
        </div>
        <PlaybackControls wall={wall} />
      </fieldset>

      <fieldset>
        <legend>显示器 Displays</legend>
        <button type="button" className="btn btn--warn" data-testid="reload-all" onClick={() => send({ type: 'reload' })}>
          全部重载 Reload all displays
        </button>
      </fieldset>
    </div>
  );
}
