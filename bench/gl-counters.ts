// An init script for benchmark pages: counts WebGL draw calls and the GPU objects alive (buffers,
// textures, framebuffers, vertex arrays, programs), by wrapping the WebGL2 context's prototype
// before any page script runs. Counters, not timings: software WebGL distorts frame rates, but a
// draw call or a leaked texture counts the same on any GPU. Read as window.__glCounters.

export interface GlCounters {
  drawCalls: number;
  /** Live objects: created minus deleted. */
  live: { buffers: number; textures: number; framebuffers: number; vertexArrays: number; programs: number };
  /** Bytes handed to bufferData/bufferSubData (uploads, e.g. a vehicle frame). */
  bufferBytes: number;
}

/**
 * The page script (page.addInitScript({ content: GL_COUNTERS_SCRIPT })). Plain JavaScript in a string:
 * a function passed to the page would carry the TypeScript loader's helpers, undefined there.
 */
export const GL_COUNTERS_SCRIPT = `(() => {
  const c = { drawCalls: 0, live: { buffers: 0, textures: 0, framebuffers: 0, vertexArrays: 0, programs: 0 }, bufferBytes: 0 };
  window.__glCounters = c;
  for (const proto of [WebGL2RenderingContext.prototype, WebGLRenderingContext.prototype]) {
    const wrap = (name, after) => {
      const original = proto[name];
      if (typeof original !== 'function') return;
      proto[name] = function (...args) {
        const result = original.apply(this, args);
        after(args, result);
        return result;
      };
    };
    for (const draw of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced', 'drawRangeElements'])
      wrap(draw, () => c.drawCalls++);
    const pairs = [
      ['buffers', 'createBuffer', 'deleteBuffer'],
      ['textures', 'createTexture', 'deleteTexture'],
      ['framebuffers', 'createFramebuffer', 'deleteFramebuffer'],
      ['vertexArrays', 'createVertexArray', 'deleteVertexArray'],
      ['programs', 'createProgram', 'deleteProgram'],
    ];
    for (const [key, create, del] of pairs) {
      wrap(create, (_a, r) => { if (r) c.live[key]++; });
      wrap(del, (a) => { if (a[0]) c.live[key]--; });
    }
    const bytes = (v) => (typeof v === 'number' || !v ? 0 : v.byteLength || 0);
    wrap('bufferData', (a) => { c.bufferBytes += bytes(a[1]); });
    wrap('bufferSubData', (a) => { c.bufferBytes += bytes(a[2]); });
  }
})();`;

declare global {
  interface Window {
    __glCounters?: GlCounters;
  }
}
