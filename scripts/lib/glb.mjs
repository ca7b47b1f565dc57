// A minimal glTF 2.0 binary (GLB) writer: meshes of triangles with normals and one colour each.
// Enough for the city samples; real models come from real tools.

/** A box (or prism with `sides` sides) standing on y = 0, glTF's y-up, in metres. */
export function prism({ sides = 4, width, depth, height, x = 0, z = 0, y = 0, rotation = 0 }) {
  const positions = [];
  const normals = [];
  const indices = [];
  const ring = [];
  for (let i = 0; i < sides; i++) {
    const a = rotation + (sides === 4 ? Math.PI / 4 : 0) + (2 * Math.PI * i) / sides;
    const r = sides === 4 ? Math.SQRT1_2 : 0.5;
    ring.push([x + Math.cos(a) * r * width, z + Math.sin(a) * r * depth]);
  }
  const quad = (p0, p1, p2, p3, n) => {
    const base = positions.length / 3;
    for (const p of [p0, p1, p2, p3]) positions.push(...p), normals.push(...n);
    indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
  };
  for (let i = 0; i < sides; i++) {
    const [ax, az] = ring[i];
    const [bx, bz] = ring[(i + 1) % sides];
    const nx = bz - az;
    const nz = -(bx - ax);
    const len = Math.hypot(nx, nz) || 1;
    // Outward normal; winding counter-clockwise seen from outside.
    quad([ax, y, az], [ax, y + height, az], [bx, y + height, bz], [bx, y, bz], [-nx / len, 0, -nz / len]);
  }
  // Roof as a fan.
  const base = positions.length / 3;
  for (const [px, pz] of ring) positions.push(px, y + height, pz), normals.push(0, 1, 0);
  for (let i = 1; i + 1 < sides; i++) indices.push(base, base + i + 1, base + i);
  return { positions, normals, indices };
}

export function merge(parts) {
  const out = { positions: [], normals: [], indices: [] };
  for (const p of parts) {
    const offset = out.positions.length / 3;
    out.positions.push(...p.positions);
    out.normals.push(...p.normals);
    out.indices.push(...p.indices.map((i) => i + offset));
  }
  return out;
}

/** meshes: [{ name, color: [r,g,b,a] (0..1), geometry: {positions, normals, indices} }] → GLB bytes. */
export function writeGlb(meshes, { generator = 'OneScreen scripts/make-city-samples.mjs', extras } = {}) {
  const chunks = [];
  let byteLength = 0;
  const bufferViews = [];
  const accessors = [];
  const add = (typed, target) => {
    const pad = (4 - (byteLength % 4)) % 4;
    if (pad) chunks.push(new Uint8Array(pad)), (byteLength += pad);
    bufferViews.push({ buffer: 0, byteOffset: byteLength, byteLength: typed.byteLength, target });
    chunks.push(new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength));
    byteLength += typed.byteLength;
    return bufferViews.length - 1;
  };
  const gltfMeshes = [];
  const materials = [];
  const nodes = [];
  for (const [i, m] of meshes.entries()) {
    const pos = new Float32Array(m.geometry.positions);
    const nor = new Float32Array(m.geometry.normals);
    const idx = new Uint32Array(m.geometry.indices);
    const min = [Infinity, Infinity, Infinity];
    const max = [-Infinity, -Infinity, -Infinity];
    for (let j = 0; j < pos.length; j += 3) for (let k = 0; k < 3; k++) (min[k] = Math.min(min[k], pos[j + k])), (max[k] = Math.max(max[k], pos[j + k]));
    accessors.push({ bufferView: add(pos, 34962), componentType: 5126, count: pos.length / 3, type: 'VEC3', min, max });
    accessors.push({ bufferView: add(nor, 34962), componentType: 5126, count: nor.length / 3, type: 'VEC3' });
    accessors.push({ bufferView: add(idx, 34963), componentType: 5125, count: idx.length, type: 'SCALAR' });
    materials.push({ name: m.name, pbrMetallicRoughness: { baseColorFactor: m.color, metallicFactor: 0.1, roughnessFactor: 0.7 } });
    gltfMeshes.push({ name: m.name, primitives: [{ attributes: { POSITION: 3 * i, NORMAL: 3 * i + 1 }, indices: 3 * i + 2, material: i }] });
    nodes.push({ name: m.name, mesh: i });
  }
  const json = {
    asset: { version: '2.0', generator },
    scene: 0,
    scenes: [{ nodes: nodes.map((_, i) => i) }],
    nodes,
    meshes: gltfMeshes,
    materials,
    accessors,
    bufferViews,
    buffers: [{ byteLength }],
    ...(extras ? { extras } : {}),
  };
  const jsonBytes = new TextEncoder().encode(JSON.stringify(json));
  const jsonPad = (4 - (jsonBytes.length % 4)) % 4;
  const binPad = (4 - (byteLength % 4)) % 4;
  const total = 12 + 8 + jsonBytes.length + jsonPad + 8 + byteLength + binPad;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x46546c67, true); // "glTF"
  view.setUint32(4, 2, true);
  view.setUint32(8, total, true);
  view.setUint32(12, jsonBytes.length + jsonPad, true);
  view.setUint32(16, 0x4e4f534a, true); // "JSON"
  out.set(jsonBytes, 20);
  out.fill(0x20, 20 + jsonBytes.length, 20 + jsonBytes.length + jsonPad);
  let o = 20 + jsonBytes.length + jsonPad;
  view.setUint32(o, byteLength + binPad, true);
  view.setUint32(o + 4, 0x004e4942, true); // "BIN\0"
  o += 8;
  for (const c of chunks) out.set(c, o), (o += c.byteLength);
  return out;
}
