export type Cell = { count: number; open: number; fixed: number; closed: number };

const COLOURS = { open: '#b85c00', fixed: '#1c6b36', closed: '#5f6b78' };

/**
 * A cluster's icon: a ring whose arcs are its open, fixed and closed shares, the count on white in the middle (readable
 * on any colour). Styles are set through the DOM, which the page's CSP allows (an inline style attribute it would not).
 */
export function clusterIcon(L: typeof import('leaflet'), c: Cell) {
  const size = c.count < 10 ? 32 : c.count < 100 ? 38 : 44;
  const open = (100 * c.open) / c.count;
  const fixed = open + (100 * c.fixed) / c.count;
  const ring = document.createElement('span');
  ring.className = 'cluster-ring';
  ring.style.background = `conic-gradient(${COLOURS.open} 0 ${open}%, ${COLOURS.fixed} ${open}% ${fixed}%, ${COLOURS.closed} ${fixed}% 100%)`;
  const count = document.createElement('span');
  count.textContent = String(c.count);
  ring.append(count);
  return L.divIcon({ className: 'cluster', html: ring, iconSize: [size, size] });
}
