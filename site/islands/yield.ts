/** Lets the browser paint and answer a tap between the steps of starting a map: on a slow phone each step (evaluating
 * Leaflet, creating the map, drawing the schematic city, placing its labels) is tens of ms, together several hundred. */
export const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
