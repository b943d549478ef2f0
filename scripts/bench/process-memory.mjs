// Peak memory of the tab as the OS sees it: the highest VmHWM (peak resident set) among the renderer processes
// of one Chromium instance. DuckDB's worker is a thread of the renderer, so it is counted; performance.memory
// would see the page's JS heap only.
import { readdirSync, readFileSync } from 'node:fs';

function read(pid, file) {
  try { return readFileSync(`/proc/${pid}/${file}`, 'utf8'); } catch { return ''; }
}

function parent(pid) {
  const m = /PPid:\s+(\d+)/.exec(read(pid, 'status'));
  return m ? Number(m[1]) : 0;
}

/** Renderer processes descending from the Chromium whose command line names `profileDir`. */
export function rendererPids(profileDir) {
  const pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  const cmd = new Map(pids.map((p) => [p, read(p, 'cmdline').replaceAll('\0', ' ')]));
  const roots = pids.filter((p) => cmd.get(p).includes(`--user-data-dir=${profileDir}`) && !cmd.get(p).includes('--type='));
  return pids.filter((p) => {
    if (!cmd.get(p).includes('--type=renderer')) return false;
    for (let q = parent(p), hops = 0; q > 1 && hops < 6; q = parent(q), hops++) if (roots.includes(q)) return true;
    return false;
  });
}

/** Peak resident memory (bytes) of the largest renderer so far. */
export function peakRendererBytes(profileDir) {
  let peak = 0;
  for (const pid of rendererPids(profileDir)) {
    const m = /VmHWM:\s+(\d+) kB/.exec(read(pid, 'status'));
    if (m) peak = Math.max(peak, Number(m[1]) * 1024);
  }
  return peak;
}
