// Typed events between services, after VS Code's `Emitter`/`Event`: a service exposes
// `onDid…` functions, listeners subscribe and get a Disposable back. Nothing calls back into a
// host object, and shutdown disposes what was registered, in reverse order.

export interface Disposable {
  dispose(): void;
}

export type Event<T> = (listener: (value: T) => void) => Disposable;

export class Emitter<T> implements Disposable {
  private readonly listeners = new Set<(value: T) => void>();
  private disposed = false;

  /** Subscribing the same function twice gives two independent subscriptions. */
  readonly event: Event<T> = (listener) => {
    const entry = (value: T) => listener(value);
    if (!this.disposed) this.listeners.add(entry);
    return { dispose: () => void this.listeners.delete(entry) };
  };

  /**
   * Tells every listener; one that throws does not keep the others from hearing it. Events fire
   * from sockets, timers and library callbacks, where a throw would be lost or take them down.
   */
  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        console.error('An event listener failed:', error);
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}

/** Collects disposables and disposes them newest first, each once, however often it is asked. */
export class DisposableStore implements Disposable {
  private readonly items: Disposable[] = [];
  private disposed = false;

  add<D extends Disposable>(item: D): D {
    if (this.disposed) item.dispose();
    else this.items.push(item);
    return item;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const item of this.items.splice(0).reverse()) {
      try {
        item.dispose();
      } catch (error) {
        console.error('Disposing failed:', error);
      }
    }
  }
}

export const toDisposable = (dispose: () => void): Disposable => ({ dispose });
