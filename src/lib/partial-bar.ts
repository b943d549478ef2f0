// How a bar is drawn when the data covers only part of its period (the week or month an export begins or ends
// inside): pale and hatched, so its lower height does not read as a fall. Översikt's weekly chart and Trender's
// chart draw such bars alike (ECharts itemStyle with a decal).
export const PARTIAL_BAR_STYLE = { opacity: 0.45, decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.6)' } };
