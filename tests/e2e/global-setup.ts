// Builds the app once, serves dist/ and starts the refusing proxy for every e2e test file.
import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { serveDist } from '../../scripts/serve-dist.mjs';
import { assertChromium } from './support/chromium';
import { startRefusingProxy } from './support/refusing-proxy';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    proxyPort: number;
  }
}

export default async function setup(project: TestProject) {
  assertChromium();
  if (process.env.LAGESBILD_SKIP_BUILD !== '1') {
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const server = await serveDist();
  const proxy = await startRefusingProxy();
  project.provide('baseUrl', server.url);
  project.provide('proxyPort', proxy.port);
  return async () => {
    await server.close();
    await proxy.close();
  };
}
