export function serveDist(options?: { root?: string; port?: number; host?: string }): Promise<{ url: string; served: { path: string; gzip: boolean; bytes: number }[]; close(): Promise<void> }>;
