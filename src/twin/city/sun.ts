/**
 * Where the sun is over Chongqing at a moment: elevation and azimuth in radians, from the day of
 * the year and the local solar time (NOAA's low-precision formulas; ±1° is plenty for lighting).
 */
export function sunPosition(timeMs: number, lon = 106.55, lat = 29.56) {
  const date = new Date(timeMs);
  const start = Date.UTC(date.getUTCFullYear(), 0, 1);
  const dayOfYear = (timeMs - start) / 86_400_000;
  const gamma = (2 * Math.PI * dayOfYear) / 365;
  const declination =
    0.006918 - 0.399912 * Math.cos(gamma) + 0.070257 * Math.sin(gamma) - 0.006758 * Math.cos(2 * gamma) + 0.000907 * Math.sin(2 * gamma);
  const eqTimeMin =
    229.18 * (0.000075 + 0.001868 * Math.cos(gamma) - 0.032077 * Math.sin(gamma) - 0.014615 * Math.cos(2 * gamma) - 0.040849 * Math.sin(2 * gamma));
  const utcMin = date.getUTCHours() * 60 + date.getUTCMinutes() + date.getUTCSeconds() / 60;
  const solarMin = utcMin + eqTimeMin + 4 * lon;
  const hourAngle = ((solarMin / 4 - 180) * Math.PI) / 180;
  const phi = (lat * Math.PI) / 180;
  const sinElevation = Math.sin(phi) * Math.sin(declination) + Math.cos(phi) * Math.cos(declination) * Math.cos(hourAngle);
  const elevation = Math.asin(Math.max(-1, Math.min(1, sinElevation)));
  const azimuth = Math.atan2(Math.sin(hourAngle), Math.cos(hourAngle) * Math.sin(phi) - Math.tan(declination) * Math.cos(phi)) + Math.PI;
  return { elevation, azimuth };
}

/** 0 at night, 1 in daylight, a smooth twilight between (sun 6° below to 6° above the horizon). */
export function daylight(elevation: number): number {
  const deg = (elevation * 180) / Math.PI;
  const t = Math.max(0, Math.min(1, (deg + 6) / 12));
  return t * t * (3 - 2 * t);
}
