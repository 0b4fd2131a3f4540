// Benchmarks that need a process of their own (a fresh heap, an event loop nobody else uses)
// start one of the scripts beside this file with Node and tsx, as `npm run bench` runs itself.
// The child says it is ready with one JSON line on stdout; messages go both ways over IPC.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../support/app-build';

export interface Child<T> {
  process: ChildProcess;
  /** The first JSON line the child printed. */
  ready: T;
  /** Sends a request over IPC and waits for the answer with the same id. */
  ask<R>(message: Record<string, unknown>): Promise<R>;
  stop(): Promise<void>;
}

export async function startChild<T>(script: string, args: string[] = [], options: { nodeArgs?: string[]; timeoutMs?: number } = {}): Promise<Child<T>> {
  const file = fileURLToPath(new URL(script, import.meta.url));
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', file, ...args], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start within ${options.timeoutMs ?? 60_000} ms`)), options.timeoutMs ?? 60_000);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (text) => {
      if (!text.startsWith('{')) return void console.log(`  [${script}] ${text}`);
      clearTimeout(timer);
      resolve(JSON.parse(text) as T);
    });
  });
  let next = 0;
  return {
    process: child,
    ready,
    ask: <R>(message: Record<string, unknown>) =>
      new Promise<R>((resolve, reject) => {
        const id = ++next;
        const onMessage = (answer: { id?: number; error?: string; value?: R }) => {
          if (answer.id !== id) return;
          child.off('message', onMessage);
          if (answer.error) reject(new Error(answer.error));
          else resolve(answer.value as R);
        };
        child.on('message', onMessage);
        child.send({ ...message, id });
      }),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** The child's side: answers requests from the parent with `handle`. */
export function answerParent(handle: (message: Record<string, unknown>) => Promise<unknown>): void {
  process.on('message', (message: Record<string, unknown> & { id: number }) => {
    handle(message).then(
      (value) => process.send?.({ id: message.id, value }),
      (error: unknown) => process.send?.({ id: message.id, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
    );
  });
}
