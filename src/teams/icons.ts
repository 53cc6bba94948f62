import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { encodePng, type RgbaImage } from './png';

/**
 * The Teams app icons, drawn here rather than downloaded so they can be reviewed and rebuilt:
 * a white consult (speech) bubble holding a medical cross. `npm run icons:teams` writes them to
 * manifest/teams/; the PNGs are committed.
 */

/** The two icons Teams asks for (manifest `icons`): sizes from the manifest schema's descriptions. */
export const iconSpecs = {
  color: { file: 'color.png', size: 192 },
  outline: { file: 'outline.png', size: 32 },
} as const;

/** The teal of the colour icon; also the manifest's accentColor. */
export const teal = '#0F766E';

/**
 * The repository root: the nearest folder above `from` holding package.json and the Teams manifest.
 * Works from src/teams (ts-jest) and from dist/src/teams (compiled), even if dist gets a package.json.
 */
export function findRepoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (
      existsSync(join(dir, 'package.json')) &&
      existsSync(join(dir, 'manifest', 'teams', 'manifest.json'))
    ) {
      return dir;
    }
    if (dirname(dir) === dir)
      throw new Error(`no repository root (package.json + manifest/teams) above ${from}`);
  }
}

/** manifest/teams in the repository. */
export function teamsManifestDir(): string {
  return join(findRepoRoot(), 'manifest', 'teams');
}

type Vec = readonly [number, number];
type Rgba = readonly [number, number, number, number];

// Signed distance functions: negative inside the shape, in unit-square coordinates. They take plain
// numbers and allocate nothing, because they run 8×8 times per pixel. Math's functions are bound once:
// looking up the global `Math` each time is very slow inside jest's sandbox.
const { abs, hypot, max, min, round, sqrt } = Math;
function sdRoundBox(x: number, y: number, cx: number, cy: number, hx: number, hy: number, r: number): number {
  const qx = abs(x - cx) - hx + r;
  const qy = abs(y - cy) - hy + r;
  return hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - r;
}

function sdPolygon(px: number, py: number, vertices: readonly Vec[]): number {
  const first = vertices[0] as Vec;
  let d = (px - first[0]) ** 2 + (py - first[1]) ** 2;
  let sign = 1;
  for (let i = 0, j = vertices.length - 1; i < vertices.length; j = i, i++) {
    const [ix, iy] = vertices[i] as Vec;
    const [jx, jy] = vertices[j] as Vec;
    const ex = jx - ix;
    const ey = jy - iy;
    const wx = px - ix;
    const wy = py - iy;
    const t = min(max((wx * ex + wy * ey) / (ex * ex + ey * ey), 0), 1);
    d = min(d, (wx - ex * t) ** 2 + (wy - ey * t) ** 2);
    const a = py >= iy;
    const b = py < jy;
    const c = ex * wy > ey * wx;
    if ((a && b && c) || (!a && !b && !c)) sign = -sign;
  }
  return sign * sqrt(d);
}

const tail: readonly Vec[] = [
  [0.26, 0.6],
  [0.48, 0.7],
  [0.2, 0.88],
];

/** The consult bubble (body and tail), in the symbol's own unit square. */
function bubble(x: number, y: number): number {
  return min(sdRoundBox(x, y, 0.5, 0.44, 0.36, 0.28, 0.12), sdPolygon(x, y, tail));
}

/** The medical cross inside the bubble. */
function cross(x: number, y: number): number {
  return min(sdRoundBox(x, y, 0.5, 0.44, 0.06, 0.17, 0.015), sdRoundBox(x, y, 0.5, 0.44, 0.17, 0.06, 0.015));
}

function hex(color: string): Rgba {
  const n = parseInt(color.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff, 255];
}

const white: Rgba = [255, 255, 255, 255];
const clear: Rgba = [0, 0, 0, 0];

/** Renders `paint` (unit-square coordinates → straight RGBA) with 8×8 supersampling for smooth edges. */
function render(size: number, paint: (x: number, y: number) => Rgba): RgbaImage {
  const samples = 8;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const color = paint((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          const alpha = color[3] / 255;
          r += color[0] * alpha;
          g += color[1] * alpha;
          b += color[2] * alpha;
          a += alpha;
        }
      }
      const i = (y * size + x) * 4;
      // Un-premultiply, so edge pixels keep the pure colour and only their alpha fades.
      if (a > 0) data.set([round(r / a), round(g / a), round(b / a)], i);
      data[i + 3] = round((a / (samples * samples)) * 255);
    }
  }
  return { width: size, height: size, data };
}

/** 192×192 full-colour icon: white bubble with a teal cross on a teal rounded square. */
export function drawColorIcon(): RgbaImage {
  const background = hex(teal);
  const scale = 0.64; // the symbol fills the middle two thirds, leaving Teams' recommended padding
  return render(iconSpecs.color.size, (x, y) => {
    if (sdRoundBox(x, y, 0.5, 0.5, 0.5, 0.5, 0.2) > 0) return clear;
    const sx = (x - 0.5) / scale + 0.5;
    const sy = (y - 0.5) / scale + 0.5;
    return cross(sx, sy) <= 0 ? background : bubble(sx, sy) <= 0 ? white : background;
  });
}

/** 32×32 outline icon: white bubble outline and cross on a transparent background, nothing else. */
export function drawOutlineIcon(): RgbaImage {
  const half = 1 / iconSpecs.outline.size; // a 2-pixel line
  return render(iconSpecs.outline.size, (x, y) =>
    abs(bubble(x, y)) <= half || cross(x, y) <= 0 ? white : clear,
  );
}

/** Draws both icons and writes them as PNG files into `dir`; returns the paths written. */
export function writeIcons(dir: string = teamsManifestDir()): string[] {
  const written = [
    [iconSpecs.color.file, drawColorIcon()],
    [iconSpecs.outline.file, drawOutlineIcon()],
  ] as const;
  return written.map(([file, image]) => {
    const path = join(dir, file);
    writeFileSync(path, encodePng(image));
    return path;
  });
}

if (require.main === module) {
  for (const path of writeIcons()) console.log(`wrote ${path}`);
}
