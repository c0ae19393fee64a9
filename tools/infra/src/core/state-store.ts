import type { ComponentName } from './component-names';
import { type ComponentState, type InfraState, removeState, writeState } from './state-file';

/** The state of this run, written to disk on every change so `down` can clean up after a crash. */
export class StateStore {
  constructor(
    readonly file: string,
    private current: InfraState,
  ) {}

  get state(): InfraState {
    return this.current;
  }

  get(name: ComponentName): ComponentState | undefined {
    return this.current.components[name];
  }

  set(name: ComponentName, component: ComponentState): void {
    this.current = writeState(this.file, {
      ...this.current,
      components: { ...this.current.components, [name]: component },
    });
  }

  save(): void {
    this.current = writeState(this.file, this.current);
  }

  remove(): void {
    removeState(this.file);
  }
}
