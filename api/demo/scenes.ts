/**
 * Demo photos drawn as SVG with basic shapes (no text, so no fonts needed): one recognisable street
 * scene per category family, and a "clean" version of it for after-photos. Colours and positions are
 * jittered from the PRNG so no two images are the same.
 */
import type { Rng } from './rng.ts';

export const W = 800;
export const H = 600;

export const FAMILY: Readonly<Record<string, string>> = {
  exposed_garbage: 'litter', bin_overflow: 'bin', street_vending: 'stall', outside_trading: 'shopfront',
  open_bbq: 'bbq', burning_waste: 'fire', cooking_fumes: 'fumes', illegal_flyers: 'flyers',
  illegal_billboard: 'billboard', streetlight_out: 'lamp', manhole_cover: 'manhole', blocked_drain: 'drain',
  unpermitted_digging: 'trench', site_fencing: 'fence', dirty_greenspace: 'lawn', bare_soil: 'soil', other: 'bikes',
};
export const familyOf = (categoryId: string) => FAMILY[categoryId] ?? 'bikes';

// --- shapes -------------------------------------------------------------------------------------
const a = (extra: string) => (extra ? ` ${extra}` : '');
const rect = (x: number, y: number, w: number, h: number, fill: string, extra = '') =>
  `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${fill}"${a(extra)}/>`;
const circle = (cx: number, cy: number, r: number, fill: string, extra = '') =>
  `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${r.toFixed(1)}" fill="${fill}"${a(extra)}/>`;
const ellipse = (cx: number, cy: number, rx: number, ry: number, fill: string, extra = '') =>
  `<ellipse cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" rx="${rx.toFixed(1)}" ry="${ry.toFixed(1)}" fill="${fill}"${a(extra)}/>`;
const poly = (pts: number[], fill: string, extra = '') =>
  `<polygon points="${pts.map((p) => p.toFixed(1)).join(' ')}" fill="${fill}"${a(extra)}/>`;
const line = (x1: number, y1: number, x2: number, y2: number, stroke: string, w: number) =>
  `<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="${stroke}" stroke-width="${w}" stroke-linecap="round"/>`;
const group = (transform: string, body: string) => `<g transform="${transform}">${body}</g>`;

/** Shifts each RGB channel of a colour by up to ±amount. */
function jit(hex: string, rng: Rng, amount = 18): string {
  const n = parseInt(hex.slice(1), 16);
  const ch = (s: number) => Math.max(0, Math.min(255, ((n >> s) & 255) + rng.int(-amount, amount)));
  return `#${[16, 8, 0].map((s) => ch(s).toString(16).padStart(2, '0')).join('')}`;
}

// --- backdrops ----------------------------------------------------------------------------------
const HORIZON = 300;

function sky(rng: Rng, night: boolean): string {
  const [top, bottom] = night ? [jit('#101a3a', rng, 10), jit('#3a3f66', rng, 14)] : [jit('#6fa8dc', rng), jit('#d6e8f5', rng)];
  return `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs>`
    + rect(0, 0, W, HORIZON + 2, 'url(#sky)');
}

function buildings(rng: Rng, night: boolean): string {
  let out = '';
  for (let x = -20; x < W; x += rng.int(110, 170)) {
    const w = rng.int(90, 160);
    const h = rng.int(90, 230);
    out += rect(x, HORIZON - h, w, h, jit(night ? '#2b2f40' : rng.pick(['#c9b79c', '#b7c2c9', '#d8d0c4', '#a9a39a']), rng));
    for (let wy = HORIZON - h + 14; wy < HORIZON - 24; wy += 26) {
      for (let wx = x + 10; wx < x + w - 18; wx += 22) {
        const lit = night && rng.chance(0.35);
        out += rect(wx, wy, 12, 14, lit ? '#f4d27a' : night ? '#1c2030' : jit('#7d8fa0', rng, 10));
      }
    }
  }
  return out;
}

function street(rng: Rng, night = false): string {
  const pave = jit(night ? '#4a4a52' : '#b9b4aa', rng, 12);
  const road = jit(night ? '#2a2a2e' : '#5f6166', rng, 8);
  let out = sky(rng, night) + buildings(rng, night) + rect(0, HORIZON, W, H - HORIZON, pave);
  out += poly([500, HORIZON, W, HORIZON, W, H, 380, H], road) + line(500, HORIZON, 380, H, jit('#d8d4cc', rng), 6);
  for (let y = HORIZON + 20; y < H; y += 70) out += line(650 + (y - HORIZON) * 0.1, y, 655 + (y + 30 - HORIZON) * 0.1, y + 30, '#eeeeee', 4);
  for (let x = 20; x < 340; x += 48) out += line(x, HORIZON + 20, x - 40, H, jit('#a29d93', rng, 6), 1.5); // paving joints
  return out + poly([90, HORIZON, 130, HORIZON, 70, H, 10, H], jit('#e2c23a', rng, 10)); // tactile strip
}

function park(rng: Rng): string {
  let out = sky(rng, false) + rect(0, HORIZON, W, H - HORIZON, jit('#6da35a', rng));
  for (let x = 0; x < W; x += rng.int(40, 70)) out += circle(x, HORIZON - 10, rng.int(28, 50), jit('#3f7a3a', rng));
  out += poly([330, HORIZON, 420, HORIZON, 560, H, 200, H], jit('#d9c9a3', rng, 10));
  return out;
}

function field(rng: Rng): string {
  let out = sky(rng, false);
  for (let x = 0; x < W; x += rng.int(70, 120)) out += rect(x, HORIZON - rng.int(30, 70), rng.int(50, 90), 80, jit('#c4bcae', rng));
  return out + rect(0, HORIZON, W, H - HORIZON, jit('#9a8f5c', rng));
}

// --- objects ------------------------------------------------------------------------------------
const bag = (rng: Rng, x: number, y: number, s: number) => {
  const fill = jit(rng.pick(['#2b2b2b', '#3c5a8a', '#e8e2d0', '#b03030', '#3a7a3a']), rng, 12);
  return ellipse(x, y, 30 * s, 24 * s, fill) + poly([x - 6 * s, y - 22 * s, x + 6 * s, y - 22 * s, x, y - 34 * s], fill);
};
const box = (rng: Rng, x: number, y: number, w: number, h: number) =>
  rect(x, y, w, h, jit('#b98a52', rng)) + line(x, y + 8, x + w, y + 8, '#8a6238', 2);
const scraps = (rng: Rng, n: number, x0: number, x1: number, y0: number, y1: number) =>
  Array.from({ length: n }, () => {
    const [x, y] = [rng.between(x0, x1), rng.between(y0, y1)];
    return rect(x, y, rng.int(6, 16), rng.int(4, 10), jit(rng.pick(['#f0f0f0', '#d94c4c', '#4c7ad9', '#e0c040']), rng),
      `transform="rotate(${rng.int(-40, 40)} ${x.toFixed(0)} ${y.toFixed(0)})"`);
  }).join('');
const smoke = (rng: Rng, x: number, y: number, n: number, dark: boolean) =>
  Array.from({ length: n }, (_, i) => circle(x + rng.between(-20, 20) + i * 8, y - i * 34, 22 + i * 9,
    jit(dark ? '#555555' : '#bbbbbb', rng, 12), `fill-opacity="${(0.75 - i * 0.05).toFixed(2)}"`)).join('');
const bike = (rng: Rng, color: string) =>
  circle(-38, 0, 26, 'none', 'stroke="#222" stroke-width="5"') + circle(38, 0, 26, 'none', 'stroke="#222" stroke-width="5"')
  + line(-38, 0, -5, -40, color, 7) + line(-5, -40, 38, 0, color, 7) + line(-5, -40, 30, -42, color, 7)
  + line(-38, 0, 8, 0, color, 6) + rect(-14, -50, 22, 8, '#222') + rect(-2 + rng.int(0, 4), -62, 6, 20, '#333');

// --- scenes: (rng, clean) → shapes drawn over the backdrop --------------------------------------
type Scene = (rng: Rng, clean: boolean) => string;

const SCENES: Readonly<Record<string, Scene>> = {
  litter: (rng, clean) => street(rng) + (clean ? '' : Array.from({ length: rng.int(5, 9) }, () =>
    bag(rng, rng.between(100, 380), rng.between(420, 560), rng.between(1.2, 2.2))).join('')
    + box(rng, rng.between(180, 300), 500, 70, 50) + scraps(rng, 14, 80, 420, 420, 590)),
  bin: (rng, clean) => {
    const x = rng.between(180, 280);
    const body = jit(rng.pick(['#2f8f4e', '#2f5f9f', '#777777']), rng);
    let out = street(rng) + rect(x, 360, 140, 170, body) + circle(x + 25, 535, 12, '#222') + circle(x + 115, 535, 12, '#222');
    if (clean) return out + rect(x - 6, 348, 152, 16, jit(body, rng, 8));
    out += rect(x - 10, 300, 150, 14, body, `transform="rotate(-28 ${x} 360)"`);
    for (let i = 0; i < 6; i++) out += bag(rng, x + 20 + rng.between(0, 100), 350 - rng.between(0, 30), 1);
    for (let i = 0; i < 4; i++) out += bag(rng, x + rng.between(-60, 200), rng.between(520, 570), 1.1);
    return out + scraps(rng, 12, x - 80, x + 220, 500, 590);
  },
  stall: (rng, clean) => {
    if (clean) return street(rng);
    const x = rng.between(120, 260);
    const [c1, c2] = [jit('#d63a3a', rng), jit('#f2f2f2', rng, 8)];
    let out = street(rng) + line(x + 90, 300, x + 90, 440, '#555', 6);
    for (let i = 0; i < 6; i++) out += poly([x + 90, 250, x - 40 + i * 43, 310, x + 3 + i * 43, 310], i % 2 ? c1 : c2);
    out += rect(x - 10, 430, 200, 70, jit('#3d6fb0', rng)) + circle(x + 20, 510, 16, '#222') + circle(x + 160, 510, 16, '#222');
    for (let i = 0; i < 12; i++) out += circle(x + 10 + (i % 6) * 30, 420 - Math.floor(i / 6) * 16, 12, jit(rng.pick(['#f0a020', '#e04040', '#a0c040']), rng));
    return out + rect(x + 230, 500, 30, 40, jit('#e05050', rng)) + rect(x + 270, 510, 30, 40, jit('#3060c0', rng));
  },
  shopfront: (rng, clean) => {
    let out = street(rng) + rect(0, 120, 480, 200, jit('#d8cfc0', rng)) + rect(40, 170, 200, 130, jit('#6d8aa0', rng));
    out += rect(280, 160, 100, 140, jit('#5a4030', rng));
    for (let i = 0; i < 8; i++) out += rect(20 + i * 55, 120, 55, 34, i % 2 ? jit('#2a7a4a', rng) : '#f2f2f2');
    if (clean) return out;
    for (let i = 0; i < 7; i++) out += box(rng, 40 + rng.between(0, 330), 330 + rng.between(0, 180), rng.int(40, 80), rng.int(35, 60));
    return out + rect(360, 360, 90, 150, jit('#8a8a8a', rng)) + circle(200, 560, 22, jit('#2f6fd0', rng));
  },
  bbq: (rng, clean) => {
    let out = street(rng, true);
    for (let x = 20; x < W; x += 40) out += circle(x, 120 + Math.sin(x / 60) * 12, 5, '#ffd27a');
    if (clean) return out;
    const x = rng.between(90, 220);
    out += rect(x, 420, 220, 36, '#333') + line(x + 20, 456, x + 10, 560, '#222', 6) + line(x + 200, 456, x + 210, 560, '#222', 6);
    for (let i = 0; i < 24; i++) out += circle(x + 12 + rng.between(0, 196), 428 + rng.between(0, 20), rng.between(3, 7), jit(rng.pick(['#ff5a1f', '#ffb020', '#d02010']), rng));
    out += smoke(rng, x + 110, 380, 7, false);
    return out + rect(x + 260, 480, 90, 10, jit('#3060c0', rng)) + rect(x + 290, 490, 10, 60, '#444') + rect(x + 250, 520, 24, 34, jit('#d03030', rng));
  },
  fire: (rng, clean) => {
    let out = field(rng);
    const x = rng.between(260, 460);
    if (clean) return out + ellipse(x, 470, 140, 30, jit('#857a4e', rng));
    out += ellipse(x, 480, 150, 40, jit('#5a4a30', rng)) + smoke(rng, x, 380, 8, true);
    for (let i = 0; i < 7; i++) {
      const fx = x - 90 + i * 30;
      const fh = rng.between(50, 120);
      out += poly([fx - 18, 480, fx + 18, 480, fx + rng.between(-8, 8), 480 - fh], jit('#ff7a1a', rng));
      out += poly([fx - 9, 480, fx + 9, 480, fx, 480 - fh * 0.6], jit('#ffd23a', rng));
    }
    return out + scraps(rng, 10, x - 160, x + 160, 500, 560);
  },
  fumes: (rng, clean) => {
    let out = street(rng) + rect(0, 40, 520, 280, jit('#e3ddd2', rng));
    for (let y = 70; y < 240; y += 70) for (let x = 40; x < 480; x += 110) out += rect(x, y, 60, 44, jit('#7f97ad', rng));
    out += rect(230, 230, 60, 90, jit('#8a8a8a', rng)) + rect(230, 150, 190, 30, jit('#9a9a9a', rng)) + rect(400, 150, 30, 90, jit('#9a9a9a', rng));
    return out + (clean ? rect(215, 190, 90, 46, jit('#cfd6dc', rng)) : smoke(rng, 430, 130, 6, true));
  },
  flyers: (rng, clean) => {
    let out = street(rng) + rect(0, 150, 480, 260, jit('#e6dfcf', rng)) + rect(300, 40, 34, 480, jit('#8e9499', rng));
    if (clean) return out;
    for (let i = 0; i < 34; i++) {
      const onPole = i < 12;
      const x = onPole ? 300 + rng.between(-6, 8) : rng.between(20, 440);
      const y = onPole ? rng.between(160, 420) : rng.between(170, 370);
      const w = onPole ? 30 : rng.int(26, 50);
      const h = rng.int(18, 34);
      out += group(`rotate(${rng.int(-8, 8)} ${x} ${y})`, rect(x, y, w, h, jit(rng.pick(['#ffffff', '#fff27a', '#ffb3c7', '#bde0ff']), rng, 8))
        + line(x + 4, y + 7, x + w - 5, y + 7, '#333', 2) + line(x + 4, y + 13, x + w * 0.6, y + 13, '#c00', 2));
    }
    return out;
  },
  billboard: (rng, clean) => {
    if (clean) return street(rng);
    const x = rng.between(60, 180);
    const tilt = rng.int(-6, 6);
    return street(rng) + line(x + 40, 330, x + 40, 540, '#555', 10) + line(x + 260, 330, x + 260, 540, '#555', 10)
      + group(`rotate(${tilt} ${x + 150} 260)`, rect(x, 180, 300, 160, jit(rng.pick(['#e03c3c', '#f0b020', '#2a6fd6']), rng))
        + circle(x + 80, 260, 50, jit('#ffffff', rng, 10)) + rect(x + 150, 220, 120, 30, jit('#222222', rng, 10))
        + rect(x + 150, 270, 90, 22, jit('#fafafa', rng, 8)) + rect(x + 230, 300, 50, 30, '#7a4a2a', 'fill-opacity="0.6"'));
  },
  lamp: (rng, clean) => {
    let out = street(rng, true);
    for (const [x, y0, s] of [[200, 560, 1], [420, 420, 0.7], [560, 350, 0.45]] as const) {
      const top = y0 - 330 * s;
      if (clean) out += poly([x + 60 * s, top + 10, x + 10 * s, y0, x + 150 * s, y0], '#ffe9a0', 'fill-opacity="0.25"');
      out += line(x, y0, x, top, '#8a9099', 10 * s) + line(x, top, x + 60 * s, top, '#8a9099', 8 * s);
      out += ellipse(x + 60 * s, top + 6, 24 * s, 9 * s, clean ? '#fff2b0' : jit('#3a3a3a', rng, 8));
    }
    return out;
  },
  manhole: (rng, clean) => {
    let out = sky(rng, false) + buildings(rng, false) + rect(0, HORIZON, W, H - HORIZON, jit('#55575c', rng, 8));
    const x = rng.between(330, 470);
    if (clean) {
      out += ellipse(x, 470, 130, 52, jit('#6f6a62', rng)) + ellipse(x, 470, 100, 40, 'none', 'stroke="#4a4640" stroke-width="6"');
      for (let i = -3; i <= 3; i++) out += line(x + i * 26, 440, x + i * 26, 500, '#4a4640', 4);
      return out;
    }
    out += ellipse(x, 470, 130, 52, '#111') + poly([x - 130, 470, x - 60, 452, x - 40, 500, x - 110, 500], jit('#6f6a62', rng));
    out += poly([x + 20, 420, x + 60, 410, x + 90, 430], jit('#6f6a62', rng)) + scraps(rng, 10, x - 160, x + 160, 420, 540);
    return out + poly([x + 190, 520, x + 250, 520, x + 220, 380], '#f26a1b') + rect(x + 204, 440, 32, 14, '#f5f5f5') + rect(x + 180, 515, 80, 14, '#222');
  },
  drain: (rng, clean) => {
    let out = sky(rng, false) + buildings(rng, false) + rect(0, HORIZON, W, H - HORIZON, jit('#5d5f64', rng, 8));
    out += rect(0, HORIZON, 220, H - HORIZON, jit('#b5afa5', rng, 10)) + rect(212, HORIZON, 16, H - HORIZON, '#d8d4cc');
    let grate = rect(232, 440, 120, 60, '#2a2a2a');
    for (let i = 0; i < 7; i++) grate += rect(238 + i * 16, 446, 8, 48, '#6a6a6a');
    out += grate;
    if (clean) return out;
    return out + ellipse(rng.between(360, 440), 480, rng.between(220, 300), 70, jit('#6f8fa8', rng), 'fill-opacity="0.75"')
      + bag(rng, 300, 430, 0.8) + scraps(rng, 16, 230, 520, 420, 560);
  },
  trench: (rng, clean) => {
    let out = street(rng);
    const x = rng.between(60, 160);
    if (clean) return out + poly([x, 400, x + 320, 380, x + 330, 450, x + 10, 470], jit('#3a3b3e', rng, 6));
    out += poly([x, 400, x + 320, 380, x + 330, 450, x + 10, 470], jit('#4a3420', rng));
    out += poly([x + 20, 410, x + 310, 392, x + 316, 430, x + 26, 450], '#1e140c');
    out += poly([x + 60, 520, x + 260, 520, x + 200, 470, x + 120, 465], jit('#8a6a40', rng)) + scraps(rng, 8, x, x + 340, 470, 580);
    return out + line(x + 360, 420, x + 420, 560, jit('#e0a020', rng), 10);
  },
  fence: (rng, clean) => {
    let out = field(rng);
    const color = jit(rng.pick(['#2f6fb0', '#3c8c5a', '#d9d9d9']), rng);
    const fallen = clean ? -1 : rng.int(2, 5);
    for (let i = 0; i < 9; i++) {
      const x = i * 92 - 10;
      let panel = rect(x, 250, 90, 170, color) + rect(x, 250, 90, 14, '#f2f2f2');
      for (let k = 1; k < 6; k++) panel += line(x + k * 15, 266, x + k * 15, 418, '#00000033', 2);
      if (!clean && (i === fallen || i === fallen + 1)) out += group(`rotate(${rng.int(60, 80)} ${x} 420)`, panel);
      else out += panel;
    }
    if (clean) return out;
    for (let i = 0; i < 14; i++) out += poly([i * 58, 430, i * 58 + 14, 360 - rng.between(0, 50), i * 58 + 28, 430], jit('#4f8a30', rng));
    return out + bag(rng, fallen * 92 + 40, 400, 1) + box(rng, fallen * 92 + 80, 380, 60, 40) + scraps(rng, 12, 0, W, 430, 590);
  },
  lawn: (rng, clean) => {
    let out = park(rng);
    for (let i = 0; i < 3; i++) out += rect(100 + i * 260, 250, 14, 70, '#6a4a2a') + circle(107 + i * 260, 235, 46, jit('#2f6a2a', rng));
    if (clean) return out;
    for (let i = 0; i < 14; i++) {
      const x = rng.pick([rng.between(20, 300), rng.between(520, 780)]);
      const y = rng.between(340, 580);
      out += rng.chance(0.5) ? rect(x, y, 10, 26, jit('#4aa0d0', rng), `transform="rotate(${rng.int(50, 130)} ${x} ${y})"`) : bag(rng, x, y, 0.6);
    }
    return out + box(rng, rng.between(560, 680), 500, 50, 34);
  },
  soil: (rng, clean) => {
    let out = street(rng) + rect(0, 380, 360, 90, jit('#d8d4cc', rng, 6)) + rect(8, 386, 344, 78, jit(clean ? '#5f8f45' : '#a0784a', rng));
    for (let x = 30; x < 340; x += 60) {
      out += clean ? circle(x + 10, 400, 30, jit('#3f7a34', rng)) + rect(x + 6, 400, 8, 50, '#6a4a2a')
        : rect(x, 418, 22, 18, jit('#6a4a2a', rng)) + ellipse(x + 11, 418, 11, 4, '#8a6a44');
    }
    return out;
  },
  bikes: (rng, clean) => {
    let out = street(rng);
    const colors = ['#f5c400', '#f07a1a', '#2a8fd6', '#3cb44b'];
    for (let i = 0; i < rng.int(4, 6); i++) {
      const c = jit(rng.pick(colors), rng, 10);
      out += clean ? group(`translate(${70 + i * 40} ${400 + i * 30}) rotate(-20) scale(0.9)`, bike(rng, c))
        : group(`translate(${rng.between(60, 330)} ${rng.between(420, 560)}) rotate(${rng.int(-80, 80)})`, bike(rng, c));
    }
    return out;
  },
};

/** A full 800×600 SVG picture of a category's problem (or of the place after the fix). */
export function sceneSvg(categoryId: string, rng: Rng, clean: boolean): string {
  const scene = SCENES[familyOf(categoryId)] ?? SCENES.bikes!;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${scene(rng, clean)}</svg>`;
}

export const FAMILIES = Object.keys(SCENES);
