export function serveDist(options?: { root?: string; port?: number; host?: string }): Promise<{ url: string; served: { path: string; encoding: 'br' | 'gzip' | 'identity'; bytes: number; notModified?: boolean }[]; close(): Promise<void> }>;
export function acceptsEncoding(header: string | undefined, name: string): boolean;
